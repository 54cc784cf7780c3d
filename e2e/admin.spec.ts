import { randomBytes } from 'node:crypto';
import { test, expect, pageAs, signIn } from './fixtures';

// The administration journey: a platform admin creates a tenant and invites its tenant admin (no SMTP relay in
// this run, so the link is shown once); the invitee opens it, sets a password, signs in, adds a team and a user.
test('a platform admin creates a tenant and invites its admin, who sets a password and builds the tenant', async ({ browser }) => {
  const id = randomBytes(3).toString('hex');
  const tenantName = `E2E Corp ${id}`;
  const adminEmail = `boss-${id}@e2e-corp.example`;
  const password = `correct horse ${id} battery`;

  const admin = await pageAs(browser, 'admin');
  await admin.goto('/admin');
  await admin.getByRole('button', { name: 'New tenant' }).click();
  const dialog = admin.getByRole('dialog');
  await dialog.getByLabel('Name').fill('X');
  await dialog.getByRole('button', { name: 'Create tenant' }).click();
  await expect(dialog.getByText('The name needs at least 2 characters.')).toBeVisible();
  await dialog.getByLabel('Name').fill(tenantName);
  await expect(dialog.getByLabel('Slug')).toHaveValue(`e2e-corp-${id}`);
  await dialog.getByRole('button', { name: 'Create tenant' }).click();
  await expect(admin).toHaveURL(/\/admin\/tenants\/[^/?]+$/);
  await expect(admin.getByRole('heading', { level: 1 })).toContainText(tenantName);
  const tenantUrl = admin.url();

  await admin.getByRole('button', { name: 'Add user' }).click();
  const invite = admin.getByRole('dialog');
  await invite.getByLabel('Email').fill(adminEmail);
  await invite.getByLabel('Name').fill('Bo Boss');
  await invite.getByLabel('Tenant admin').check();
  await expect(invite.getByLabel('Platform admin')).toHaveCount(0);
  await invite.getByRole('button', { name: 'Create and invite' }).click();
  const link = invite.getByTestId('account-link');
  await expect(link).toBeVisible();
  const url = (await link.textContent())!.trim();
  expect(url).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  await invite.getByRole('button', { name: 'Done' }).click();
  // Shown once: the list shows an invited user, never the link again.
  await admin.reload();
  await expect(admin.getByTestId(`user-row-${adminEmail}`)).toContainText('Invited');
  expect(await admin.content()).not.toContain(url.slice(url.lastIndexOf('/') + 1));
  await admin.context().close();

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(new URL(url).pathname);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accept your invitation');
  await page.getByLabel('New password').fill('too short');
  await page.getByLabel('Repeat the password').fill('different');
  await page.getByRole('button', { name: 'Set password' }).click();
  await expect(page.getByText('Use at least 12 characters.')).toBeVisible();
  await expect(page.getByText('The two passwords differ.')).toBeVisible();
  await page.getByLabel('New password').fill(password);
  await page.getByLabel('Repeat the password').fill(password);
  await page.getByRole('button', { name: 'Set password' }).click();
  await expect(page.getByText(`You can now sign in as ${adminEmail}.`)).toBeVisible();

  await signIn(page, adminEmail, password);
  await expect(page).toHaveURL(/\/catalogue$/);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
  await expect(page).toHaveURL(new RegExp(`${new URL(tenantUrl).pathname}$`));

  await page.getByRole('link', { name: 'Teams' }).click();
  await expect(page.getByText('No teams yet')).toBeVisible();
  await page.getByLabel('New team name').fill('Support Desk');
  await page.getByRole('button', { name: 'Add team' }).click();
  await expect(page.getByTestId('team-row-support-desk')).toContainText('Support Desk');

  await page.getByRole('link', { name: 'Users' }).click();
  await page.getByRole('button', { name: 'Add user' }).click();
  const add = page.getByRole('dialog');
  const memberEmail = `agent-${id}@e2e-corp.example`;
  await add.getByLabel('Email').fill(memberEmail);
  await add.getByLabel('Name').fill('Ana Agent');
  await add.getByLabel('Requester').check();
  await add.getByLabel('Support Desk').check();
  await add.getByLabel('Set an initial password').check();
  await add.getByRole('textbox', { name: 'Initial password', exact: true }).fill(`initial password ${id}`);
  await add.getByRole('button', { name: 'Create user' }).click();
  await expect(add).toHaveCount(0);
  const row = page.getByTestId(`user-row-${memberEmail}`);
  await expect(row).toContainText('Requester');
  await expect(row).toContainText('Support Desk');
  await expect(row).toContainText('Active');
  // Filtering by role finds them; a search for nobody shows the empty state.
  await page.getByLabel('Search users by name or email').fill('nobody-at-all');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByText('No user matches these filters')).toBeVisible();
  await context.close();
});

test.describe('tenant scoping', () => {
  // Refused pages may answer 404/403, which Chromium logs as failed resources.
  test.use({ expectedConsoleErrors: /status of 40[34]/ });

  test('a tenant admin never sees another tenant: its page is not found, the user list is refused', async ({ browser }) => {
    const page = await pageAs(browser, 'acmeTenantAdmin');
    await page.goto('/admin');
    await expect(page).toHaveURL(/\/admin\/tenants\/[^/?]+$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Acme');
    const globex = await pageAs(browser, 'globexTenantAdmin');
    await globex.goto('/admin');
    await expect(globex).toHaveURL(/\/admin\/tenants\/[^/?]+$/);
    // The checks run above the loading boundaries, so the answers carry real statuses.
    expect((await page.goto(new URL(globex.url()).pathname))?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Not found');
    await expect(page.getByText('Globex')).toHaveCount(0);
    expect((await page.goto('/admin/users'))?.status()).toBe(403);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('403 — Access denied');
    await page.context().close();
    await globex.context().close();
  });
});
