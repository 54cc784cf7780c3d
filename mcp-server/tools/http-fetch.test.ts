import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZHttpFetchInput, ZHttpFetchOutput } from '@/lib/schemas/builtin-tools';
import { makeToolContext } from '@/lib/testing/tool-context';
import { createHttpFetch, fitJson, httpFetch } from './http-fetch';
import { ToolRefusal } from './types';

let server: http.Server;
let origin = '';
beforeAll(async () => {
  server = http.createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    if (u.pathname === '/json') res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true,"auth":' + JSON.stringify(req.headers.authorization ?? null) + '}');
    else if (u.pathname === '/latin1') res.writeHead(200, { 'content-type': 'text/plain; charset=iso-8859-1' }).end(Buffer.from([0x63, 0x61, 0x66, 0xe9]));
    else if (u.pathname === '/png') res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    else if (u.pathname === '/quotes') res.writeHead(200, { 'content-type': 'text/plain' }).end('"'.repeat(5000));
    else if (u.pathname === '/gzip') res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' }).end(Buffer.from([0x1f, 0x8b, 0x08, 0x00]));
    else if (u.pathname === '/moved') res.writeHead(308, { location: '/json' }).end();
    else res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>not here</h1>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://localhost:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const testFetch = createHttpFetch({ allowPrivateAddresses: true });
const ctx = (over: Parameters<typeof makeToolContext>[0] = {}) => makeToolContext({ egressAllowlist: ['localhost'], ...over });
const run = (url: string, c = ctx(), headers?: Record<string, string>) => testFetch.execute(c, ZHttpFetchInput.parse({ url, headers }));

describe('http_fetch', () => {
  it('fetches text, strips Authorization, follows a redirect and reports the final URL', async () => {
    const r = await run(`${origin}/moved`, ctx(), { Authorization: 'Bearer secret' });
    expect(ZHttpFetchOutput.parse(r.output)).toEqual({ status: 200, contentType: 'application/json', body: '{"ok":true,"auth":null}', truncated: false, finalUrl: `${origin}/json` });
    expect(r.effects.resourcesTouched).toEqual([`GET ${origin}/moved`, `GET ${origin}/json`]);
  });

  it('returns non-2xx responses as they are', async () => {
    const r = await run(`${origin}/nope`);
    expect([r.output.status, r.output.body]).toEqual([404, '<h1>not here</h1>']);
  });

  it('decodes the declared charset', async () => {
    expect((await run(`${origin}/latin1`)).output.body).toBe('café');
  });

  it('refuses binary content with its type', async () => {
    const e = await run(`${origin}/png`).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ToolRefusal);
    expect((e as ToolRefusal).message).toBe(`${new URL(origin).host} returned image/png content (HTTP 200); http_fetch returns text only (text/*, JSON, XML).`);
  });

  it('refuses compressed content it did not ask for', async () => {
    const e = await run(`${origin}/gzip`).catch((x: unknown) => x);
    expect((e as ToolRefusal).message).toBe(`${new URL(origin).host} sent gzip-compressed content although http_fetch asked for uncompressed content (Accept-Encoding: identity).`);
  });

  it('keeps the JSON-encoded output within the budget (escaping included) and marks it truncated', async () => {
    const r = await run(`${origin}/quotes`, ctx({ maxOutputBytes: 4096 }));
    expect(r.output.truncated).toBe(true);
    expect(Buffer.byteLength(JSON.stringify(r.output))).toBeLessThanOrEqual(4096);
  });

  it('the production executor is strict: loopback is refused even when allowlisted', async () => {
    const e = await httpFetch.execute(ctx(), ZHttpFetchInput.parse({ url: `${origin}/json` })).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ToolRefusal);
    expect((e as ToolRefusal).code).toBe('EGRESS_DENIED');
    expect((e as ToolRefusal).message).toMatch(/^Host "localhost" resolves to (127\.0\.0\.1|::1) \(loopback address\); only public addresses are reachable\.$/);
  });

  it('refuses a host off the allowlist before any DNS or connection', async () => {
    const e = await run('https://example.org/', ctx({ egressAllowlist: ['docs.acme.example'] })).catch((x: unknown) => x);
    expect((e as ToolRefusal).message).toBe('Host "example.org" is not on the tenant\'s egress allowlist (docs.acme.example).');
  });
});

describe('fitJson', () => {
  it('trims until the JSON encoding fits', () => {
    const r = fitJson('\n'.repeat(1000), 500);
    expect(r.trimmed).toBe(true);
    expect(Buffer.byteLength(JSON.stringify(r.text))).toBeLessThanOrEqual(500);
    expect(fitJson('short', 500)).toEqual({ text: 'short', trimmed: false });
  });
});
