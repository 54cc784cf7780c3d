// Unknown addresses answer 404 (not 200), inside the portal's layout when signed in, with a way back.
import { test, expect, pageAs } from './fixtures';

test.use({ expectedConsoleErrors: /status of 404/ });

test('an unknown tool, request or review answers 404 inside the portal, with a way back', async ({ browser }) => {
  const page = await pageAs(browser, 'acmeTenantAdmin');
  for (const path of ['/catalogue/no_such_tool', '/requests/no-such-request']) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Not found' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  }
  await page.getByRole('link', { name: 'Back to my start page' }).click();
  await expect(page).toHaveURL(/\/catalogue$/);
  await page.context().close();
});

test('an unknown address outside the portal answers 404 with a way back', async ({ page }) => {
  const res = await page.goto('/no/such/page');
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('link', { name: 'Back to my start page' })).toBeVisible();
});
