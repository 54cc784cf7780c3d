import { test, expect, pageAs, signIn, USERS, type UserKey } from '../fixtures';

const NAV: Record<string, string[]> = {
  admin: ['Catalogue', 'Reviews', 'Candidates', 'Activation', 'Approvals', 'Audit', 'Metrics', 'Connected apps', 'Settings', 'Upstream servers', 'Admin'],
  reviewer: ['Catalogue', 'Reviews', 'Candidates', 'Metrics', 'Connected apps'],
  auditor: ['Catalogue', 'Approvals', 'Audit', 'Metrics', 'Connected apps'],
  acmeRequester: ['Catalogue', 'My requests', 'Connected apps'],
  acmeOwner: ['Catalogue', 'My requests', 'Metrics', 'Connected apps'],
  acmeOperator: ['Catalogue', 'Approvals', 'Metrics', 'Connected apps'],
  acmeTenantAdmin: ['Catalogue', 'My requests', 'Activation', 'Approvals', 'Audit', 'Metrics', 'Connected apps', 'Settings', 'Upstream servers', 'Admin'],
  globexTenantAdmin: ['Catalogue', 'My requests', 'Activation', 'Approvals', 'Audit', 'Metrics', 'Connected apps', 'Settings', 'Upstream servers', 'Admin'],
};

for (const [user, expected] of Object.entries(NAV)) {
  test(`${user} sees exactly its navigation`, async ({ browser }) => {
    const page = await pageAs(browser, user as UserKey);
    await page.goto('/catalogue');
    const nav = page.getByRole('navigation', { name: 'Main' });
    // "Approvals" may carry the pending count (", 3 pending") while other specs hold calls.
    await expect(nav.getByRole('link')).toHaveText(expected.map((label) => new RegExp(`^${label}(, \\d+\\+? pending)?$`)));
    await expect(page.getByTestId('user-email')).toHaveText(USERS[user as UserKey]);
    await page.context().close();
  });
}

test('operators land on the approval inbox after signing in, other roles on the catalogue', async ({ page }) => {
  await signIn(page, USERS.globexOperator);
  await expect(page).toHaveURL(/\/approvals$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Approval inbox');
  await page.goto('/');
  await expect(page).toHaveURL(/\/approvals$/);
  // Leave the inbox before signing out here: its polling would otherwise meet the cleared session (401).
  await page.goto('about:blank');
  await page.context().clearCookies();
  await signIn(page, USERS.globexRequester);
  await expect(page).toHaveURL(/\/catalogue$/);
});

test.describe('refused sign-ins', () => {
  // A refused sign-in answers 401 (next-auth credentials callback); Chromium logs that response as an error.
  test.use({ expectedConsoleErrors: /status of 401/ });

  test('a wrong password is refused with a clear message', async ({ page }) => {
    await signIn(page, USERS.globexOperator, 'not-the-password');
    await expect(page.getByTestId('sign-in-error')).toHaveText('Incorrect email or password.');
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test('bad sign-in input gets a precise message and no request', async ({ page }) => {
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill('not-an-email');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByText('Enter a valid email address.')).toBeVisible();
    await expect(page.getByText('Enter your password.')).toBeVisible();
  });

  test('repeated failures lock the account with a clear message', async ({ page }) => {
    const email = `lockout-${Date.now()}@example.com`;
    for (let i = 0; i < 5; i++) {
      await signIn(page, email, 'wrong-password');
      await expect(page.getByTestId('sign-in-error')).toHaveText('Incorrect email or password.');
    }
    await signIn(page, email, 'wrong-password');
    await expect(page.getByTestId('sign-in-error')).toContainText('Too many failed sign-in attempts');
  });
});

test.describe('forbidden pages', () => {
  // The 403 answer itself is logged by Chromium as a failed resource: expected here.
  test.use({ expectedConsoleErrors: /status of 403/ });
  test('a requester opening a reviewer page gets 403', async ({ browser }) => {
    const page = await pageAs(browser, 'acmeRequester');
    const res = await page.goto('/reviews');
    expect(res?.status()).toBe(403);
    await expect(page.getByRole('heading', { name: /403/ })).toBeVisible();
    await page.context().close();
  });
});

test("acme's users never see globex data", async ({ browser }) => {
  const page = await pageAs(browser, 'acmeTenantAdmin');
  await page.goto('/audit');
  await expect(page.getByRole('table')).toBeVisible();
  await expect(page.getByRole('table')).not.toContainText('globex');
  await page.goto('/audit?tenant=globex');
  await expect(page.getByRole('table')).not.toContainText('globex');
  await page.goto('/settings');
  await expect(page.getByText('Globex', { exact: false })).toHaveCount(0);
  await page.goto('/metrics');
  await expect(page.getByRole('main')).not.toContainText('globex');
  await page.context().close();
});

test('signed-out visitors are sent to sign-in, and sign-out works', async ({ page, browser }) => {
  const res = await page.goto('/audit');
  expect(res?.url()).toContain('/sign-in');
  const p = await pageAs(browser, 'auditor');
  await p.goto('/audit');
  await p.getByRole('button', { name: /Account menu/ }).click();
  await p.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(p).toHaveURL(/\/sign-in/);
  await p.context().close();
});

test('health route answers ok', async ({ request }) => {
  const res = await request.get('/api/health');
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ status: 'ok', db: 'ok' });
});
