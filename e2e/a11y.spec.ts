// Accessibility: every main page of each role passes axe-core's WCAG 2.1 A/AA rules, and the portal is usable
// from the keyboard (skip link, focusable navigation).
import AxeBuilder from '@axe-core/playwright';
import { test, expect, pageAs, type UserKey } from './fixtures';

const PAGES: [UserKey, string][] = [
  ['acmeTenantAdmin', '/catalogue'],
  ['acmeTenantAdmin', '/catalogue/kb_search'],
  ['acmeRequester', '/requests'],
  ['acmeRequester', '/requests/new'],
  ['acmeTenantAdmin', '/activation'],
  ['acmeTenantAdmin', '/settings'],
  ['acmeTenantAdmin', '/settings/tokens'],
  ['acmeTenantAdmin', '/audit'],
  ['acmeTenantAdmin', '/metrics'],
  ['acmeOperator', '/approvals'],
  ['reviewer', '/reviews'],
  ['admin', '/admin'],
];

for (const [user, path] of PAGES) {
  test(`${path} (${user}) has no WCAG 2.1 A/AA violations`, async ({ browser }) => {
    const page = await pageAs(browser, user);
    await page.goto(path);
    await expect(page.getByRole('main')).toBeVisible();
    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`)).toEqual([]);
    await page.context().close();
  });
}

test('the sign-in page has no WCAG 2.1 A/AA violations', async ({ page }) => {
  await page.goto('/sign-in');
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test('keyboard: the skip link and the navigation are reachable with Tab', async ({ browser }) => {
  const page = await pageAs(browser, 'acmeTenantAdmin');
  await page.goto('/catalogue');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Enter');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Audit' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/audit/);
  await page.context().close();
});
