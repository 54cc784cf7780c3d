import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpToolConfigSchema, type THttpToolConfigInput } from '@/lib/schemas/http-tool';
import { parseToolConfig } from '@/lib/schemas/tool-config';
import { makeToolContext } from '@/lib/testing/tool-context';
import { ToolRefusal } from '@/mcp-server/tools/types';
import { createHttpDeclarativeExecutor } from './http-declarative';
import type { EgressPolicy, ExecutableTool, ExecutorContext } from './types';

interface Seen { method: string; url: string; headers: http.IncomingHttpHeaders; body: string }
const seen: Seen[] = [];
let server: http.Server;
let port = 0;
beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      const u = new URL(req.url ?? '/', 'http://x');
      if (u.pathname === '/hang') return; // never answers
      if (u.pathname === '/big') return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ blob: 'x'.repeat(5000) }));
      if (u.pathname === '/fail') return void res.writeHead(403, { 'content-type': 'text/plain' }).end(`denied for ${String(req.headers.authorization)}`);
      if (u.pathname === '/moved') return void res.writeHead(302, { location: 'http://169.254.169.254/' }).end();
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ order: { id: u.pathname.split('/').pop(), items: [{ sku: 'A-1' }] }, echo: u.search }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const trusted: EgressPolicy = { allowlist: ['api.example.com'], trustedInternal: ['127.0.0.1'] };
const exec = createHttpDeclarativeExecutor();

function tool(config: Omit<THttpToolConfigInput, 'kind'>): ExecutableTool {
  const parsed = parseToolConfig('http_declarative', { kind: 'http_declarative', ...config });
  if (!parsed.ok) throw new Error(parsed.message);
  return {
    id: 't1', slug: 'orders_lookup', kind: 'http_declarative', config: parsed.config, version: 1, definitionHash: 'h', inputSchema: {}, outputSchema: null,
    annotations: {}, timeoutMs: 10_000, maxOutputBytes: 256 * 1024, readOnly: true,
  };
}
function ctx(t: ExecutableTool, egress: EgressPolicy = trusted, secrets: Record<string, string> = {}): ExecutorContext {
  return { ...makeToolContext({ secrets }), tool: t, egress };
}
const run = (t: ExecutableTool, args: Record<string, unknown>, egress?: EgressPolicy, secrets?: Record<string, string>) => {
  const c = ctx(t, egress, secrets);
  return exec.execute(c, args, c.signal);
};
const refusal = async (p: Promise<unknown>) => {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(ToolRefusal);
  return e as ToolRefusal;
};

describe('declarative HTTP executor', () => {
  it('maps arguments to the path (encoded), query, headers and JSON body, and keeps the declared response fields', async () => {
    const t = tool({
      method: 'POST', urlTemplate: `http://127.0.0.1:${port}/v1/orders/{orderId}`, query: [{ param: 'expand', arg: 'expand' }],
      headers: [{ header: 'X-Customer', arg: 'customer' }], staticHeaders: [{ header: 'X-Source', value: 'mcp' }], body: { mode: 'rest' },
      response: { fields: [{ name: 'id', path: '/order/id' }, { name: 'sku', path: 'order.items.0.sku' }, { name: 'missing', path: 'nope.x' }] },
      auth: { type: 'bearer', secret: 'ORDERS_TOKEN' },
    });
    seen.length = 0;
    const r = await run(t, { orderId: 'a/../b c', expand: ['lines', 'notes'], customer: 'c-42', note: 'fragile', qty: 2 }, trusted, { ORDERS_TOKEN: 'tok-secret-123' });
    expect(r.output).toEqual({ status: 200, data: { id: 'a%2F..%2Fb%20c', sku: 'A-1', missing: null } });
    const s = seen[0]!;
    expect(s.method).toBe('POST');
    expect(s.url).toBe('/v1/orders/a%2F..%2Fb%20c?expand=lines&expand=notes');
    expect(s.headers['x-customer']).toBe('c-42');
    expect(s.headers['x-source']).toBe('mcp');
    expect(s.headers.authorization).toBe('Bearer tok-secret-123');
    expect(s.headers['content-type']).toBe('application/json');
    expect(JSON.parse(s.body)).toEqual({ note: 'fragile', qty: 2 });
    expect(r.effects.resourcesTouched).toEqual([`POST http://127.0.0.1:${port}/v1/orders/a%2F..%2Fb%20c`]);
  });

  it('sends basic and custom-header credentials from the tenant secret', async () => {
    seen.length = 0;
    await run(tool({ method: 'GET', urlTemplate: `http://127.0.0.1:${port}/x`, auth: { type: 'basic', username: 'svc', secret: 'PW' } }), {}, trusted, { PW: 'p@ss' });
    await run(tool({ method: 'GET', urlTemplate: `http://127.0.0.1:${port}/x`, auth: { type: 'header', header: 'X-Api-Key', secret: 'KEY' } }), {}, trusted, { KEY: 'k-1' });
    expect(seen[0]!.headers.authorization).toBe(`Basic ${Buffer.from('svc:p@ss').toString('base64')}`);
    expect(seen[1]!.headers['x-api-key']).toBe('k-1');
  });

  it('refuses a missing secret, a missing path argument and a header injection before sending anything', async () => {
    seen.length = 0;
    const authed = tool({ method: 'GET', urlTemplate: `http://127.0.0.1:${port}/x`, auth: { type: 'bearer', secret: 'NOPE' } });
    expect((await refusal(run(authed, {}))).code).toBe('NOT_CONFIGURED');
    const t = tool({ method: 'GET', urlTemplate: `http://127.0.0.1:${port}/o/{id}`, headers: [{ header: 'X-Trace', arg: 'trace' }] });
    expect((await refusal(run(t, {}))).message).toBe('Argument "id" is required: it is part of the URL path.');
    const inj = await refusal(run(t, { id: '1', trace: 'a\r\nX-Admin: yes' }));
    expect([inj.code, inj.message]).toEqual(['INVALID', 'Argument "trace" goes into the "X-Trace" header and cannot contain a line break or NUL character.']);
    expect((await refusal(run(t, { id: { nested: true } }))).message).toContain('must be a string, a number or a boolean');
    expect(seen).toHaveLength(0);
  });

  it('obeys the egress rules: a host neither allowlisted nor trusted is refused; private addresses need a trusted entry', async () => {
    seen.length = 0;
    const t = tool({ method: 'GET', urlTemplate: `http://127.0.0.1:${port}/x` });
    const none = await refusal(run(t, {}, { allowlist: ['api.example.com'], trustedInternal: [] }));
    expect(none.code).toBe('EGRESS_DENIED');
    const named = tool({ method: 'GET', urlTemplate: `http://internal.test:${port}/x` });
    const resolveLoopback = async () => [{ address: '127.0.0.1', family: 4 as const }];
    const viaAllowlist = createHttpDeclarativeExecutor({ resolve: resolveLoopback });
    const c1 = ctx(named, { allowlist: ['internal.test'], trustedInternal: [] });
    const privateRefused = await refusal(viaAllowlist.execute(c1, {}, c1.signal));
    expect(privateRefused.code).toBe('EGRESS_DENIED');
    expect(privateRefused.message).toContain('Host "internal.test" resolves to 127.0.0.1 (loopback address); only public addresses');
    const notAllowlisted = await refusal(viaAllowlist.execute(ctx(named, { allowlist: ['other.test'], trustedInternal: [] }), {}, c1.signal));
    expect(notAllowlisted.message).toContain('is not on the tenant\'s egress allowlist');
    const cidrOnly = await refusal(viaAllowlist.execute(ctx(named, { allowlist: [], trustedInternal: ['127.0.0.0/8'] }), {}, c1.signal));
    expect(cidrOnly.message).toContain('is not on the tenant\'s egress allowlist');
    const c2 = ctx(named, { allowlist: ['internal.test'], trustedInternal: ['127.0.0.0/8'] });
    expect((await viaAllowlist.execute(c2, {}, c2.signal)).output).toMatchObject({ status: 200 });
    expect(seen).toHaveLength(1);
    const meta = tool({ method: 'GET', urlTemplate: 'http://169.254.169.254/latest' });
    expect((await refusal(run(meta, {}, { allowlist: [], trustedInternal: ['169.254.169.254', '169.254.0.0/16'] }))).message).toContain('cloud metadata');
  });

  it('stops at the time limit and at the size limit', async () => {
    const slow = tool({ method: 'GET', urlTemplate: `http://127.0.0.1:${port}/hang`, timeoutMs: 200 });
    const timeout = await refusal(run(slow, {}));
    expect([timeout.code, timeout.message]).toEqual(['TIMEOUT', '127.0.0.1 did not answer within the time limit.']);
    const big = tool({ method: 'GET', urlTemplate: `http://127.0.0.1:${port}/big`, maxResponseBytes: 1024 });
    const tooLarge = await refusal(run(big, {}));
    expect([tooLarge.code, tooLarge.message]).toEqual(['TOO_LARGE', "127.0.0.1 sent more than the tool's limit of 1024 bytes; the response was discarded."]);
  });

  it('reports an HTTP error without echoing the credential and does not follow redirects', async () => {
    const t = tool({ method: 'GET', urlTemplate: `http://127.0.0.1:${port}/fail`, auth: { type: 'bearer', secret: 'T' } });
    const e = await refusal(run(t, {}, trusted, { T: 'super-secret-value' }));
    expect(e.message).toBe('127.0.0.1 answered HTTP 403: denied for Bearer [secret].');
    const moved = await refusal(run(tool({ method: 'GET', urlTemplate: `http://127.0.0.1:${port}/moved` }), {}));
    expect(moved.message).toBe('127.0.0.1 answered HTTP 302 (redirects are not followed).');
  });

  it('refuses a declaration whose cross-field checks fail (defence in depth)', async () => {
    const cfg = httpToolConfigSchema.parse({ kind: 'http_declarative', method: 'GET', urlTemplate: `http://127.0.0.1:${port}/x`, body: { mode: 'rest' } });
    const t = { ...tool({ method: 'GET', urlTemplate: `http://127.0.0.1:${port}/x` }), config: cfg };
    expect((await refusal(run(t, {}))).message).toContain('A GET request has no body');
  });
});
