import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ToolRefusal } from '@/mcp-server/tools/types';
import { blockedRange, checkEgressTarget, guardedGet, sanitizeHeaders } from './ssrf';

const PUBLIC = async () => [{ address: '93.184.216.34', family: 4 as const }];

async function refusal(p: Promise<unknown>): Promise<ToolRefusal> {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(e, 'expected a ToolRefusal').toBeInstanceOf(ToolRefusal);
  return e as ToolRefusal;
}

describe('blockedRange', () => {
  it.each([
    ['127.0.0.1', 'loopback'], ['127.255.1.2', 'loopback'], ['10.1.2.3', 'private'], ['172.16.0.1', 'private'], ['192.168.1.1', 'private'],
    ['169.254.1.1', 'linkLocal'], ['169.254.169.254', 'metadata'], ['100.64.0.1', 'carrierGradeNat'], ['224.0.0.1', 'multicast'],
    ['0.0.0.0', 'unspecified'], ['255.255.255.255', 'broadcast'], ['192.0.2.10', 'reserved'],
    ['::1', 'loopback'], ['::', 'unspecified'], ['fe80::1', 'linkLocal'], ['fc00::1', 'uniqueLocal'], ['fd00:ec2::254', 'metadata'],
    ['ff02::1', 'multicast'], ['::ffff:127.0.0.1', 'loopback'], ['::ffff:169.254.169.254', 'metadata'], ['::ffff:10.0.0.1', 'private'],
    ['64:ff9b::7f00:1', 'rfc6052'], ['::7f00:1', 'ipv4Compatible'], ['::ffff:0:7f00:1', 'rfc6145'], ['2001::1', 'teredo'], ['fec0::1', 'deprecatedSiteLocal'], ['2002:7f00:1::', '6to4'], ['2001:db8::1', 'reserved'],
  ])('%s is blocked (%s)', (ip, range) => expect(blockedRange(ip)).toBe(range));

  it.each(['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8'])('%s is public', (ip) => expect(blockedRange(ip)).toBeNull());
});

describe('checkEgressTarget', () => {
  it('admits an allowlisted host with a public address and pins it', async () => {
    const t = await checkEgressTarget('https://docs.acme.example/a?b=1', ['docs.acme.example'], { resolve: PUBLIC });
    expect(t).toMatchObject({ host: 'docs.acme.example', address: '93.184.216.34', family: 4 });
  });

  it('ignores a trailing dot and letter case', async () => {
    const t = await checkEgressTarget('https://DOCS.acme.example./x', ['docs.acme.example'], { resolve: PUBLIC });
    expect(t.host).toBe('docs.acme.example');
  });

  it.each([
    ['host not allowlisted', 'https://evil.example/', ['docs.acme.example'], 'EGRESS_DENIED', 'Host "evil.example" is not on the tenant\'s egress allowlist (docs.acme.example).'],
    ['empty allowlist', 'https://docs.acme.example/', [], 'EGRESS_DENIED', 'Host "docs.acme.example" is not on the tenant\'s egress allowlist (it is empty).'],
    ['userinfo trick', 'http://docs.acme.example@evil.example/', ['docs.acme.example'], 'EGRESS_DENIED', 'URLs with a user name or password ("user@host") are not allowed: http://…@evil.example.'],
    ['userinfo with password', 'http://u:p@docs.acme.example/', ['docs.acme.example'], 'EGRESS_DENIED', /user name or password/],
    ['fragment trick', 'http://evil.example#@docs.acme.example', ['docs.acme.example'], 'EGRESS_DENIED', /"evil\.example" is not on/],
    ['wildcard does not admit the apex', 'https://wikipedia.org/', ['*.wikipedia.org'], 'EGRESS_DENIED', /"wikipedia\.org" is not on/],
    ['other scheme', 'ftp://docs.acme.example/', ['docs.acme.example'], 'EGRESS_DENIED', 'Only http and https URLs are allowed (got "ftp:").'],
    ['file scheme', 'file:///etc/passwd', ['docs.acme.example'], 'EGRESS_DENIED', /Only http and https/],
    ['not a URL', 'not a url', ['docs.acme.example'], 'INVALID', /is not a valid URL/],
    ['metadata host name', 'http://metadata.google.internal/computeMetadata/v1/', ['metadata.google.internal'], 'EGRESS_DENIED', 'Host "metadata.google.internal" is a cloud metadata endpoint; it is never reachable.'],
  ])('%s', async (_n, url, allow, code, message) => {
    const e = await refusal(checkEgressTarget(url, allow, { resolve: PUBLIC }));
    expect(e.code).toBe(code);
    if (typeof message === 'string') expect(e.message).toBe(message);
    else expect(e.message).toMatch(message);
  });

  // Every spelling of an internal address, even when (wrongly) allowlisted, is refused by the address check.
  it.each([
    ['http://127.0.0.1/', '127.0.0.1', 'loopback'],
    ['http://2130706433/', '127.0.0.1', 'loopback'],
    ['http://0177.0.0.1/', '127.0.0.1', 'loopback'],
    ['http://0x7f.1/', '127.0.0.1', 'loopback'],
    ['http://127.1/', '127.0.0.1', 'loopback'],
    ['http://0x7f000001/', '127.0.0.1', 'loopback'],
    ['http://[::1]/', '::1', 'loopback'],
    ['http://[::ffff:127.0.0.1]/', '::ffff:7f00:1', 'loopback'],
    ['http://[0:0:0:0:0:ffff:7f00:1]/', '::ffff:7f00:1', 'loopback'],
    ['http://169.254.169.254/latest/meta-data/', '169.254.169.254', 'metadata'],
    ['http://[fd00:ec2::254]/', 'fd00:ec2::254', 'metadata'],
    ['http://0.0.0.0/', '0.0.0.0', 'unspecified'],
    ['http://100.100.100.200/', '100.100.100.200', 'carrierGradeNat'],
    ['http://10.0.0.1./', '10.0.0.1', 'private'],
  ])('%s → %s (%s)', async (url, host, range) => {
    const e = await refusal(checkEgressTarget(url, [host], {}));
    expect(e.code).toBe('EGRESS_DENIED');
    expect(e.message).toContain(range === 'metadata' ? 'cloud metadata address' : `(${range} address)`);
  });

  it('refuses a host when any of its DNS answers is internal', async () => {
    const resolve = async () => [{ address: '93.184.216.34', family: 4 as const }, { address: '10.0.0.5', family: 4 as const }];
    const e = await refusal(checkEgressTarget('https://docs.acme.example/', ['docs.acme.example'], { resolve }));
    expect(e.message).toBe('Host "docs.acme.example" resolves to 10.0.0.5 (private address); only public addresses are reachable.');
  });

  it('refuses an allowlisted name that resolves to loopback or metadata (DNS pointing inside)', async () => {
    const e1 = await refusal(checkEgressTarget('https://a.acme.example/', ['*.acme.example'], { resolve: async () => [{ address: '::1', family: 6 }] }));
    expect(e1.message).toContain('resolves to ::1 (loopback address)');
    const e2 = await refusal(checkEgressTarget('https://a.acme.example/', ['*.acme.example'], { resolve: async () => [{ address: '169.254.169.254', family: 4 }], allowPrivateAddresses: true }));
    expect(e2.message).toContain('cloud metadata address'); // even the test escape never opens metadata
  });

  it('reports a name that does not resolve', async () => {
    const resolve = async () => {
      throw Object.assign(new Error('nope'), { code: 'ENOTFOUND' });
    };
    const e = await refusal(checkEgressTarget('https://docs.acme.example/', ['docs.acme.example'], { resolve }));
    expect([e.code, e.message]).toEqual(['UPSTREAM', 'Host "docs.acme.example" could not be resolved (ENOTFOUND).']);
  });
});

describe('sanitizeHeaders', () => {
  it('drops credentials, Host and hop-by-hop headers, keeps the rest', () => {
    expect(sanitizeHeaders({ Authorization: 'Bearer x', cookie: 'a=b', HOST: 'evil', 'Proxy-Authorization': 'x', 'X-Forwarded-For': '1.2.3.4', Accept: 'text/html', 'X-Trace': '1' }))
      .toEqual({ accept: 'text/html', 'x-trace': '1' });
  });
  it('refuses header injection', () => {
    expect(() => sanitizeHeaders({ 'X-A': 'v\r\nHost: evil' })).toThrow(/line break/);
    expect(() => sanitizeHeaders({ 'Bad Name': 'v' })).toThrow(/not a valid HTTP header name/);
  });
});

describe('guardedGet against a loopback server', () => {
  let server: http.Server;
  let port = 0;
  const seen: { url: string; headers: http.IncomingHttpHeaders }[] = [];
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      seen.push({ url: req.url ?? '', headers: req.headers });
      const u = new URL(req.url ?? '/', 'http://x');
      if (u.pathname === '/redirect') {
        res.writeHead(302, { location: u.searchParams.get('to') ?? '/' }).end();
      } else if (u.pathname.startsWith('/loop')) {
        const n = Number(u.pathname.slice(5) || 0);
        res.writeHead(301, { location: `/loop${n + 1}` }).end();
      } else if (u.pathname === '/big') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('x'.repeat(100_000));
      } else if (u.pathname === '/hang') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.write('partial');
      } else {
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end('hello');
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  const STUB = async () => [{ address: '127.0.0.1', family: 4 as const }];
  const base = () => ({ allowlist: ['stub.test', 'other.test'], signal: new AbortController().signal, maxBytes: 1000, allowPrivateAddresses: true, resolve: STUB });

  it('is strict by default: the loopback stand-in is refused without the test escape', async () => {
    const e = await refusal(guardedGet(`http://stub.test:${port}/`, { ...base(), allowPrivateAddresses: false }));
    expect(e.message).toBe('Host "stub.test" resolves to 127.0.0.1 (loopback address); only public addresses are reachable.');
  });

  it('connects to the pinned address (stub.test has no DNS entry) and resolves once per hop', async () => {
    let calls = 0;
    const resolve = async () => {
      calls++;
      return calls === 1 ? [{ address: '127.0.0.1', family: 4 as const }] : [{ address: '10.9.9.9', family: 4 as const }];
    };
    const r = await guardedGet(`http://stub.test:${port}/hello`, { ...base(), resolve, headers: { Authorization: 'Bearer leak', Cookie: 'sid=1', 'X-Ok': 'yes' } });
    expect([r.status, r.body.toString(), r.truncated, calls]).toEqual([200, 'hello', false, 1]);
    const last = seen[seen.length - 1]!;
    expect(last.headers.authorization).toBeUndefined();
    expect(last.headers.cookie).toBeUndefined();
    expect(last.headers['x-ok']).toBe('yes');
    expect(last.headers.host).toBe(`stub.test:${port}`);
  });

  it('follows redirects and re-checks every hop against the allowlist', async () => {
    const ok = await guardedGet(`http://stub.test:${port}/redirect?to=${encodeURIComponent(`http://other.test:${port}/final`)}`, base());
    expect([ok.status, ok.finalUrl, ok.hops.length]).toEqual([200, `http://other.test:${port}/final`, 2]);
    const e = await refusal(guardedGet(`http://stub.test:${port}/redirect?to=${encodeURIComponent('http://evil.test/x')}`, base()));
    expect(e.code).toBe('EGRESS_DENIED');
    expect(e.message).toBe(`Redirect from http://stub.test:${port}/redirect?to=http%3A%2F%2Fevil.test%2Fx to http://evil.test/x refused: Host "evil.test" is not on the tenant's egress allowlist (stub.test, other.test).`);
  });

  it('sends platform (trusted) headers only to the first origin, never to a redirect elsewhere', async () => {
    const start = seen.length;
    await guardedGet(`http://stub.test:${port}/redirect?to=${encodeURIComponent(`http://other.test:${port}/final`)}`, { ...base(), trustedHeaders: { authorization: 'Bearer platform-token' } });
    const [first, second] = seen.slice(start);
    expect(first!.headers.authorization).toBe('Bearer platform-token');
    expect(second!.headers.authorization).toBeUndefined();
  });

  it('re-checks addresses after a redirect (an allowlisted hop resolving to metadata is refused)', async () => {
    const resolve = async (h: string) => (h === 'other.test' ? [{ address: '169.254.169.254', family: 4 as const }] : [{ address: '127.0.0.1', family: 4 as const }]);
    const e = await refusal(guardedGet(`http://stub.test:${port}/redirect?to=${encodeURIComponent('http://other.test/latest')}`, { ...base(), resolve }));
    expect(e.message).toContain('other.test" resolves to 169.254.169.254, a cloud metadata address');
  });

  it('stops after 5 redirects', async () => {
    const e = await refusal(guardedGet(`http://stub.test:${port}/loop0`, base()));
    expect([e.code, e.message]).toEqual(['UPSTREAM', `Too many redirects (more than 5), last from http://stub.test:${port}/loop5.`]);
  });

  it('caps the body', async () => {
    const r = await guardedGet(`http://stub.test:${port}/big`, base());
    expect([r.body.length, r.truncated]).toEqual([1000, true]);
  });

  it('rejects promptly when the signal aborts during DNS resolution', async () => {
    const ac = new AbortController();
    let resolving = false;
    const resolve = () => {
      resolving = true;
      return new Promise<never>(() => undefined); // a resolver that never answers
    };
    const p = guardedGet(`http://stub.test:${port}/`, { ...base(), resolve, signal: ac.signal });
    await expect.poll(() => resolving).toBe(true);
    ac.abort();
    expect((await refusal(p)).code).toBe('CANCELLED');
  });

  it('rejects promptly when the signal aborts mid-response', async () => {
    const ac = new AbortController();
    const p = guardedGet(`http://stub.test:${port}/hang`, { ...base(), signal: ac.signal });
    await expect.poll(() => seen.some((s) => s.url === '/hang')).toBe(true);
    ac.abort();
    const e = await refusal(p);
    expect(e.code).toBe('CANCELLED');
  });
});

describe('trusted internal hosts (upstream and HTTP tools only)', () => {
  const LOOPBACK = async () => [{ address: '127.0.0.1', family: 4 as const }];
  const METADATA = async () => [{ address: '169.254.169.254', family: 4 as const }];
  it('a private address is reachable only when it is trusted', async () => {
    expect((await refusal(checkEgressTarget('http://crm.internal/mcp', ['crm.internal'], { resolve: LOOPBACK }))).message).toMatch(/only public addresses are reachable/);
    expect((await refusal(checkEgressTarget('http://crm.internal/mcp', ['crm.internal'], { resolve: LOOPBACK, trustedInternal: ['10.0.0.0/8'] }))).message)
      .toMatch(/only public addresses and trusted internal hosts \(kept by platform admins\) are reachable/);
    const t = await checkEgressTarget('http://crm.internal/mcp', ['crm.internal'], { resolve: LOOPBACK, trustedInternal: ['127.0.0.0/8'] });
    expect(t.address).toBe('127.0.0.1');
  });
  it('metadata addresses stay unreachable even when "trusted"', async () => {
    expect((await refusal(checkEgressTarget('http://meta.internal/', ['meta.internal'], { resolve: METADATA, trustedInternal: ['meta.internal', '169.254.0.0/16'] }))).code).toBe('EGRESS_DENIED');
  });
});
