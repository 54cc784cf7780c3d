import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it } from 'vitest';
import { crossSiteRefusal, edgeProxy as proxy } from './proxy';

const req = (method: string, headers: Record<string, string> = {}, url = 'http://localhost:3000/api/v1/notifications/read') =>
  new NextRequest(url, { method, headers: { host: 'localhost:3000', ...headers } });

afterEach(() => {
  delete process.env.NEXTAUTH_URL;
});

describe('proxy', () => {
  it('refuses cross-site state changes on /api/v1 (a text/plain form post from another site included)', async () => {
    expect(crossSiteRefusal(req('POST', { 'sec-fetch-site': 'cross-site', 'content-type': 'text/plain' }))).toMatch(/Sec-Fetch-Site: cross-site/);
    expect(crossSiteRefusal(req('POST', { 'sec-fetch-site': 'same-site' }))).toMatch(/same-site/);
    expect(crossSiteRefusal(req('POST', { origin: 'http://evil.example' }))).toMatch(/Origin http:\/\/evil.example/);
    expect(crossSiteRefusal(req('POST', { origin: 'http://localhost:3001' }))).toMatch(/not this site/);
    const refused = proxy(req('POST', { origin: 'http://evil.example', 'content-type': 'text/plain' }, 'http://localhost:3000/api/v1/activation-policy'));
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ error: { code: 'FORBIDDEN', message: 'Cross-site request refused (Origin http://evil.example is not this site).' } });
  });

  it('lets same-origin browsers, reads and non-browser clients through', () => {
    expect(crossSiteRefusal(req('POST', { 'sec-fetch-site': 'same-origin', origin: 'http://localhost:3000' }))).toBeNull();
    expect(crossSiteRefusal(req('POST', {}))).toBeNull();
    expect(crossSiteRefusal(req('GET', { 'sec-fetch-site': 'cross-site' }))).toBeNull();
    process.env.NEXTAUTH_URL = 'https://portal.acme.example';
    expect(crossSiteRefusal(req('POST', { origin: 'https://portal.acme.example' }))).toBeNull();
  });

  it('sets a per-request nonce CSP, Permissions-Policy, and HSTS only for an https public URL', () => {
    const a = proxy(req('GET', {}, 'http://localhost:3000/catalogue'));
    const b = proxy(req('GET', {}, 'http://localhost:3000/catalogue'));
    const csp = a.headers.get('content-security-policy')!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(b.headers.get('content-security-policy')).not.toBe(csp);
    expect(a.headers.get('permissions-policy')).toContain('camera=()');
    expect(a.headers.get('strict-transport-security')).toBeNull();
    process.env.NEXTAUTH_URL = 'https://portal.acme.example';
    expect(proxy(req('GET', {}, 'https://portal.acme.example/catalogue')).headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
  });
});
