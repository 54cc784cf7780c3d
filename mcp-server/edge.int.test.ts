// The edge of /mcp: which browser origins may call it, and which client address the audit records.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/lib/server/db/client';
import { PEER_HEADER } from '@/lib/server/client-ip';
import { MCP_URL, rawPost, tokenFor } from '@/lib/testing/mcp';
import { handleMcpRequest } from '@/mcp-server/http';

const INIT = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } });
let token: string;
const auth = (extra: Record<string, string> = {}) => ({ authorization: `Bearer ${token}`, ...extra });

beforeAll(async () => {
  token = (await tokenFor('acme', { name: `edge-${Date.now()}` })).token;
});
afterEach(() => {
  delete process.env.TRUSTED_PROXIES;
  delete process.env.PLATFORM_PEER_HEADER;
});

describe('/mcp edge', () => {
  it('an Origin must match scheme, host and port: another port or scheme of an allowed host is refused', async () => {
    expect((await rawPost(INIT, auth({ host: 'localhost:3000', origin: 'http://localhost:3000' }))).status).toBe(200);
    for (const origin of ['http://localhost:3001', 'https://localhost:3000', 'http://127.0.0.1:3000', 'http://localhost.evil.example:3000', 'null']) {
      const res = await rawPost(INIT, auth({ host: 'localhost:3000', origin }));
      expect(res.status, origin).toBe(403);
    }
  });

  it('the audit keeps the connection peer, not a client-set X-Forwarded-For; a trusted proxy’s header is believed', async () => {
    const db = await getDb();
    const ipOf = async (res: Response) => (await db.auditEvent.findFirstOrThrow({ where: { requestId: res.headers.get('x-request-id')! } })).ip;
    const call = (headers: Record<string, string>) =>
      rawPost(JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'kb_search', arguments: { query: 'refund' } } }), auth({ 'mcp-protocol-version': '2025-11-25', ...headers }));
    expect(await ipOf(await call({ 'x-forwarded-for': '1.2.3.4' }))).toBeNull();
    // Outside the production server (next dev), even a peer header is not believed.
    expect(await ipOf(await call({ [PEER_HEADER]: '203.0.113.5' }))).toBeNull();
    process.env.PLATFORM_PEER_HEADER = '1'; // as scripts/serve.ts sets it, after removing any client copy
    expect(await ipOf(await call({ [PEER_HEADER]: '203.0.113.5', 'x-forwarded-for': '1.2.3.4' }))).toBe('203.0.113.5');
    process.env.TRUSTED_PROXIES = '10.0.0.0/8';
    expect(await ipOf(await call({ [PEER_HEADER]: '10.1.2.3', 'x-forwarded-for': '1.2.3.4, 198.51.100.20' }))).toBe('198.51.100.20');
  });

  it.skipIf(process.env.TEST_DB_KIND !== 'postgres')('a call the client abandons stops its query and is audited as cancelled (PostgreSQL)', async () => {
    const db = await getDb();
    const marker = `edge_${Date.now()}`;
    const ac = new AbortController();
    const body = JSON.stringify({ jsonrpc: '2.0', id: 3, method: 'tools/call', params: { name: 'sql_query', arguments: { sql: `SELECT count(*) AS ${marker} FROM generate_series(1, 5000000000) g` } } });
    const answer = handleMcpRequest(new Request(MCP_URL, { method: 'POST', body, signal: ac.signal, headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', 'mcp-protocol-version': '2025-11-25', ...auth() } }));
    const running = async () => (await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE state = 'active' AND query LIKE '%' || $1 || '%' AND query NOT LIKE '%pg_stat_activity%'`, marker))[0]!.n;
    await vi.waitFor(async () => expect(await running()).toBe(1), { timeout: 10_000, interval: 20 });
    ac.abort();
    const res = await answer;
    await vi.waitFor(async () => expect(await running()).toBe(0), { timeout: 10_000, interval: 20 });
    const event = await db.auditEvent.findFirstOrThrow({ where: { requestId: res.headers.get('x-request-id')! } });
    expect([event.outcome, event.errorCode]).toEqual(['error', 'CANCELLED']);
  });

  it('arguments the database cannot store, or nested too deep, are invalid params naming the field; nothing runs', async () => {
    const db = await getDb();
    const before = await db.approvalRequest.count();
    const call = (name: string, args: string) =>
      rawPost(`{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"${name}","arguments":${args}}}`, auth({ 'mcp-protocol-version': '2025-11-25' }));
    const cases: [string, string, string][] = [
      ['payment_refund', '{"invoiceId":1,"amount":5,"reason":"lone \\ud800 surrogate"}', 'arguments.reason contains an unpaired surrogate'],
      ['kb_search', '{"query":"ab\\u0000cd"}', 'arguments.query contains a NUL character'],
      ['kb_search', `{"query":"x","deep":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`, 'is nested deeper than 32 levels'],
    ];
    for (const [name, args, message] of cases) {
      const res = await call(name, args);
      const body = (await res.json()) as { id: number; error: { code: number; message: string; data: { field: string } } };
      expect(body.id).toBe(7);
      expect(body.error.code, name).toBe(-32602);
      expect(body.error.message).toContain(message);
      expect(body.error.message).not.toMatch(/prisma|invocation|stack/i);
    }
    expect(await db.approvalRequest.count()).toBe(before);
  });

  it("a tool's error text is redacted like its output: a refused query does not repeat a card number", async () => {
    const res = await rawPost(JSON.stringify({ jsonrpc: '2.0', id: 8, method: 'tools/call', params: { name: 'sql_query', arguments: { sql: "SELECT '4111 1111 1111 1111'::int AS n" } } }), auth({ 'mcp-protocol-version': '2025-11-25' }));
    const body = (await res.json()) as { result: { isError: boolean; content: { text: string }[] } };
    expect(body.result.isError).toBe(true);
    expect(body.result.content[0]!.text).toMatch(/invalid input syntax for type integer/);
    expect(body.result.content[0]!.text).not.toMatch(/4111/);
  });

  it('"last used" follows any authenticated request, a listing or a held call included', async () => {
    const db = await getDb();
    const fresh = await tokenFor('acme', { name: `last-used-${Date.now()}` });
    expect((await db.agentToken.findUniqueOrThrow({ where: { id: fresh.id } })).lastUsedAt).toBeNull();
    await rawPost(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} }), { authorization: `Bearer ${fresh.token}`, 'mcp-protocol-version': '2025-11-25' });
    await vi.waitFor(async () => expect((await db.agentToken.findUniqueOrThrow({ where: { id: fresh.id } })).lastUsedAt).not.toBeNull(), { timeout: 5_000, interval: 20 });
  });
});
