// A tenant's own credential for a platform-wide upstream server: a platform admin registers one (no credential of
// its own), the Acme tenant admin sets, replaces and removes Acme's credential in Settings (never shown back), and
// the Globex tenant admin sees only that Globex has none; Settings → Secrets lists the credential too, and replaces
// and deletes it through the same dialogs. Each server is removed at the end, with its credentials.
import { randomBytes } from 'node:crypto';
import type { Browser, Page } from '@playwright/test';
import { expect, pageAs, test } from './fixtures';

const id = randomBytes(3).toString('hex');

/** Registers a platform-wide server reading the tenant secret CRM_TOKEN, as a platform admin; returns its page. */
async function registerPlatformServer(admin: Page, serverName: string, namespace: string): Promise<string> {
  await admin.goto('/admin/upstreams');
  await admin.getByRole('button', { name: 'Register server' }).click();
  const register = admin.getByRole('dialog');
  await register.getByLabel('Serves').selectOption({ label: 'Every tenant (platform-wide)' });
  await register.getByRole('textbox', { name: 'Name', exact: true }).fill(serverName);
  await register.getByLabel('Namespace').fill(namespace);
  await register.getByLabel('MCP endpoint URL').fill('https://crm.example.com/mcp');
  await register.getByLabel('Credential secret name').fill('CRM_TOKEN');
  await register.getByRole('button', { name: 'Register', exact: true }).click();
  await expect(admin).toHaveURL(/\/admin\/upstreams\/[^/?]+$/);
  return admin.url();
}

/** Sets the signed-in tenant admin's credential for a platform-wide server, on Settings → Upstream credentials. */
async function setTenantCredential(page: Page, serverName: string, namespace: string, value: string): Promise<void> {
  await page.goto('/settings/upstreams');
  await page.getByTestId(`upstream-credential-${namespace}`).getByRole('button', { name: `Set the credential for ${serverName}` }).click();
  await page.getByRole('dialog').getByLabel('Credential').fill(value);
  await page.getByRole('dialog').getByRole('button', { name: 'Save credential' }).click();
  await expect(page.getByText(`Saved: the credential for ${serverName}`)).toBeVisible();
}

async function removeServer(admin: Page, serverUrl: string): Promise<void> {
  await admin.goto(serverUrl);
  await admin.getByRole('button', { name: 'Remove', exact: true }).click();
  await admin.getByRole('button', { name: 'Remove server' }).click();
  await expect(admin).toHaveURL(/\/admin\/upstreams$/);
}

/** Runs `body` with a platform-wide server registered and the Acme tenant admin's page; the server is removed after. */
async function withPlatformServer(browser: Browser, serverName: string, namespace: string, body: (acme: Page) => Promise<void>): Promise<void> {
  const admin = await pageAs(browser, 'admin');
  const serverUrl = await registerPlatformServer(admin, serverName, namespace);
  try {
    const acme = await pageAs(browser, 'acmeTenantAdmin');
    await body(acme);
    await acme.context().close();
  } finally {
    await removeServer(admin, serverUrl);
    await admin.context().close();
  }
}

test('a tenant admin sets, replaces and removes their tenant\'s credential for a platform-wide upstream server', async ({ browser }) => {
  test.setTimeout(120_000);
  const serverName = `Shared CRM ${id}`;
  const namespace = `shared_${id}`;
  const value = `crm-${randomBytes(12).toString('hex')}`;
  const rotated = `crm-${randomBytes(12).toString('hex')}`;

  await withPlatformServer(browser, serverName, namespace, async (acme) => {
    await acme.goto('/settings');
    await acme.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'Upstream credentials' }).click();
    await expect(acme).toHaveURL(/\/settings\/upstreams$/);
    await expect(acme.getByRole('heading', { level: 1 })).toHaveText('Upstream credentials — Acme Corp');
    const row = acme.getByTestId(`upstream-credential-${namespace}`);
    await expect(row).toContainText(serverName);
    await expect(row).toContainText('Not set');

    // Set: an empty value is refused in the form, then the credential is saved and only its last 4 characters shown.
    await row.getByRole('button', { name: `Set the credential for ${serverName}` }).click();
    const dialog = acme.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Save credential' }).click();
    await expect(dialog.getByText('Enter the credential.')).toBeVisible();
    await dialog.getByLabel('Credential').fill(value);
    await dialog.getByRole('button', { name: 'Save credential' }).click();
    await expect(dialog).toBeHidden();
    await expect(acme.getByText(`Saved: the credential for ${serverName}`)).toBeVisible();
    await expect(row).toContainText(`••••${value.slice(-4)}`);
    await acme.reload();
    await expect(row).toContainText(`••••${value.slice(-4)}`);
    expect(await acme.content()).not.toContain(value);

    // Replace, then remove.
    await row.getByRole('button', { name: `Replace the credential for ${serverName}` }).click();
    await acme.getByRole('dialog').getByLabel('Credential').fill(rotated);
    await acme.getByRole('dialog').getByRole('button', { name: 'Save credential' }).click();
    await expect(acme.getByText(`Replaced: the credential for ${serverName}`)).toBeVisible();
    await expect(row).toContainText(`••••${rotated.slice(-4)}`);
    expect(await acme.content()).not.toContain(rotated);

    // Globex sees the server, with no credential of its own: Acme's is not visible to it.
    const globex = await pageAs(browser, 'globexTenantAdmin');
    await globex.goto('/settings/upstreams');
    const globexRow = globex.getByTestId(`upstream-credential-${namespace}`);
    await expect(globexRow).toContainText('Not set');
    expect(await globex.content()).not.toContain(rotated.slice(-4));
    await globex.context().close();

    await row.getByRole('button', { name: `Remove the credential for ${serverName}` }).click();
    await acme.getByRole('dialog').getByRole('button', { name: 'Remove credential' }).click();
    await expect(acme.getByRole('dialog')).toBeHidden();
    await expect(row).toContainText('Not set');
  });
});

test('Settings → Secrets replaces and deletes an upstream credential through the upstream credential dialogs, never showing it', async ({ browser, consoleErrors }) => {
  test.setTimeout(120_000);
  const serverName = `Secrets CRM ${id}`;
  const namespace = `secrets_${id}`;
  const scope = `upstream:${namespace}`;
  const value = `crm-${randomBytes(12).toString('hex')}`;
  const rotated = `crm-${randomBytes(12).toString('hex')}`;

  await withPlatformServer(browser, serverName, namespace, async (acme) => {
    await setTenantCredential(acme, serverName, namespace, value);
    const upstreamRow = acme.getByTestId(`upstream-credential-${namespace}`);

    // The Secrets page lists it under its scope, naming the server, with its last 4 characters only.
    await acme.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'Secrets' }).click();
    await expect(acme).toHaveURL(/\/settings\/secrets$/);
    const row = acme.getByRole('table', { name: 'Secrets' }).getByRole('row').filter({ hasText: scope });
    await expect(row).toContainText(`Your credential for the upstream server ${serverName}`);
    await expect(row).toContainText(`••••${value.slice(-4)}`);

    // Replace opens the upstream credential dialog (not the tool secrets form, which cannot take this scope).
    await row.getByRole('button', { name: `Replace CRM_TOKEN of ${scope}` }).click();
    const dialog = acme.getByRole('dialog');
    await expect(dialog.getByRole('heading', { name: `Replace the credential for ${serverName}` })).toBeVisible();
    await dialog.getByRole('button', { name: 'Save credential' }).click();
    await expect(dialog.getByText('Enter the credential.')).toBeVisible();
    await dialog.getByLabel('Credential').fill(rotated);
    await dialog.getByRole('button', { name: 'Save credential' }).click();
    await expect(dialog).toBeHidden();
    await expect(acme.getByText(`Replaced: the credential for ${serverName}`)).toBeVisible();
    await expect(row).toContainText(`••••${rotated.slice(-4)}`);
    await expect(acme.getByTestId('secret-once')).toHaveCount(0);
    for (const v of [value, rotated]) expect(await acme.content()).not.toContain(v);

    // Delete goes through the upstream path too; the Upstream credentials page then shows it as not set.
    await row.getByRole('button', { name: `Delete CRM_TOKEN of ${scope}` }).click();
    await acme.getByRole('dialog').getByRole('button', { name: 'Remove credential' }).click();
    await expect(acme.getByText(`Removed: the credential for ${serverName}`)).toBeVisible();
    await expect(row).toHaveCount(0);
    await acme.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'Upstream credentials' }).click();
    await expect(upstreamRow).toContainText('Not set');
    expect(consoleErrors).toEqual([]);
  });
});

test('Settings → Secrets fits a 1280 px wide window with an upstream credential listed, and the page never scrolls sideways at 1024 px', async ({ browser }) => {
  test.setTimeout(120_000);
  const serverName = `Layout CRM ${id}`;
  // The longest namespace there can be (31 characters): `upstream:<namespace>` is the widest tool slug in the table.
  const namespace = `wide_layout_namespace_xx_${id}`;
  const scope = `upstream:${namespace}`;

  await withPlatformServer(browser, serverName, namespace, async (acme) => {
    await setTenantCredential(acme, serverName, namespace, `crm-${randomBytes(12).toString('hex')}`);
    const overflow = () => acme.evaluate(() => {
      const region = document.querySelector('[role="region"][aria-label="Secrets"]');
      return {
        page: { scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth },
        table: region ? { scrollWidth: region.scrollWidth, clientWidth: region.clientWidth } : null,
      };
    });

    await acme.setViewportSize({ width: 1280, height: 800 });
    await acme.goto('/settings/secrets');
    await expect(acme.getByRole('table', { name: 'Secrets' }).getByRole('row').filter({ hasText: `Your credential for the upstream server ${serverName}` })).toContainText(scope);
    const wide = await overflow();
    expect(wide.page.scrollWidth, 'the page scrolls sideways at 1280 px').toBeLessThanOrEqual(wide.page.innerWidth);
    expect(wide.table, 'the secrets table has its scroll container').not.toBeNull();
    expect(wide.table!.scrollWidth, 'the secrets table scrolls sideways at 1280 px').toBeLessThanOrEqual(wide.table!.clientWidth);

    // At 1024 px the table may scroll inside its own container, but the page itself must not.
    await acme.setViewportSize({ width: 1024, height: 800 });
    await expect.poll(async () => (await overflow()).page.innerWidth).toBe(1024);
    const narrow = await overflow();
    expect(narrow.page.scrollWidth, 'the page scrolls sideways at 1024 px').toBeLessThanOrEqual(narrow.page.innerWidth);
  });
});
