import { randomBytes } from 'node:crypto';
import { test, expect, storageStateFor } from './fixtures';

test.use({ storageState: storageStateFor('acmeTenantAdmin') });

test('a secret is shown once, then only its last 4 characters', async ({ page }) => {
  const name = `E2E_TOKEN_${randomBytes(3).toString('hex').toUpperCase()}`;
  const value = `ghp_${randomBytes(16).toString('hex')}`;
  await page.goto('/settings/secrets');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Secrets — Acme Corp');
  await page.getByLabel('Tool').selectOption('github_search_issues');
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Value').fill(value);
  await page.getByRole('button', { name: 'Save secret' }).click();
  await expect(page.getByTestId('secret-once')).toHaveText(value);
  const row = page.getByTestId(`secret-${name}`);
  await expect(row).toContainText(`••••${value.slice(-4)}`);
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByTestId('secret-once')).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId(`secret-${name}`)).toContainText(`••••${value.slice(-4)}`);
  expect(await page.content()).not.toContain(value);
  expect(await page.content()).not.toContain(value.slice(0, -4));
});

test('an agent token is created and shown once, then revoked', async ({ page }) => {
  const name = `e2e-bot-${randomBytes(3).toString('hex')}`;
  await page.goto('/settings/tokens');
  await page.getByRole('button', { name: 'Create token' }).click();
  await expect(page.getByText('Give the token a name of at least 2 characters.')).toBeVisible();
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Carries the rights of').selectOption({ label: 'Team Support' });
  await page.getByLabel('kb_search').check();
  await page.getByRole('button', { name: 'Create token' }).click();
  const once = page.getByTestId('token-once');
  await expect(once).toBeVisible();
  const token = (await once.textContent())!.trim();
  expect(token.length).toBeGreaterThan(20);
  await page.getByText('How to connect an agent').click();
  const config = page.getByTestId('token-client-config');
  await expect(config).toContainText(`Bearer ${token}`);
  await expect(config).toContainText('/mcp');
  const row = page.getByTestId(`token-row-${name}`);
  await expect(row).toContainText('team Support');
  await expect(row).toContainText('kb_search');
  await expect(row).toContainText('active');
  await page.getByRole('button', { name: 'Done' }).click();
  await page.reload();
  expect(await page.content()).not.toContain(token);

  await page.getByTestId(`token-row-${name}`).getByRole('button', { name: `Revoke ${name}` }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Revoke token' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.getByTestId(`token-row-${name}`)).toContainText('revoked');
});

test('policies: an invalid egress host is refused precisely, and the PII test box redacts', async ({ page }) => {
  await page.goto('/settings');
  await page.getByLabel('Add a host').fill('https://evil.example');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'without "https://"' })).toBeVisible();
  await page.getByLabel('Would this host be allowed?').fill('en.wikipedia.org');
  await expect(page.getByRole('status').filter({ hasText: 'en.wikipedia.org' })).toContainText('allowed');
  await page.getByLabel('Test text').fill('Mail jane.doe@example.com about ORD-2024-000123');
  await expect(page.getByTestId('pii-output')).toHaveText(/\[REDACTED:email\] about ORD-2024-000123/);
});
