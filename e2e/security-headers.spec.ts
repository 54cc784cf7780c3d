// The browser edge: every main page of each role is served with a nonce CSP that it satisfies (no violation
// reported), Permissions-Policy and the usual hardening headers; state-changing API routes refuse cross-site posts.
import { test, expect, pageAs, type UserKey } from './fixtures';

const PAGES: [UserKey, string[]][] = [
  ['acmeTenantAdmin', ['/catalogue', '/catalogue/kb_search', '/activation', '/settings', '/settings/approvals', '/audit', '/metrics']],
  ['acmeOperator', ['/approvals', '/approvals?tab=history']],
  ['acmeRequester', ['/requests', '/requests/new']],
  ['reviewer', ['/reviews']],
  ['admin', ['/admin', '/approvals']],
  ['auditor', ['/audit']],
];

for (const [user, paths] of PAGES) {
  test(`CSP and security headers, no violation (${user})`, async ({ browser }) => {
    const page = await pageAs(browser, user);
    await page.addInitScript(() => {
      const w = window as unknown as { __cspViolations: string[] };
      w.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    for (const path of paths) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(200);
      const headers = res!.headers();
      expect(headers['content-security-policy'], path).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
      expect(headers['permissions-policy'], path).toContain('camera=()');
      expect(headers['x-frame-options']).toBe('DENY');
      await expect(page.getByRole('main')).toBeVisible();
      await page.waitForLoadState('networkidle');
      expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations), path).toEqual([]);
    }
    await page.context().close();
  });
}

test('a cross-site post to a state-changing API route is refused, a same-origin one is not', async ({ browser, baseURL }) => {
  const page = await pageAs(browser, 'acmeTenantAdmin');
  const api = page.context().request;
  const crossSite = await api.post('/api/v1/notifications/read', { headers: { origin: 'http://evil.example', 'content-type': 'text/plain' }, data: '{}' });
  expect(crossSite.status()).toBe(403);
  expect((await crossSite.json()).error.message).toMatch(/Cross-site request refused/);
  const fetchSite = await api.post('/api/v1/activation-policy?dryRun=1', { headers: { 'sec-fetch-site': 'cross-site', 'content-type': 'text/plain' }, data: '{}' });
  expect(fetchSite.status()).toBe(403);
  const sameOrigin = await api.post('/api/v1/notifications/read', { headers: { origin: baseURL!, 'content-type': 'application/json' }, data: {} });
  expect(sameOrigin.status()).toBe(200);
  await page.context().close();
});
