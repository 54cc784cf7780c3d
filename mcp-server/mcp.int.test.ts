// /mcp through the SDK's real client: who sees what, scopes, expiry, revocation, protocol errors, exact quotas,
// the approval gate and the fail-closed audit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProtocolError, type Client } from '@modelcontextprotocol/client';
import pg from 'pg';
import { createPrisma, getDb, getDbState } from '@/lib/server/db/client';
import { revokeAgentToken } from '@/lib/services/agent-tokens/revoke-agent-token';
import { setKillSwitch } from '@/lib/services/activation/set-kill-switch';
import { connect as connectIn, ERAS, rawPost, SYSTEM_ACTOR, tokenFor, type Era } from '@/lib/testing/mcp';

const INIT = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } });
let acme: { token: string; id: string };
let globex: { token: string; id: string };

const names = async (c: Client) => (await c.listTools()).tools.map((t) => t.name).sort();

beforeAll(async () => {
  [acme, globex] = await Promise.all([tokenFor('acme', { name: 'acme-agent' }), tokenFor('globex', { name: 'globex-agent' })]);
});

// Everything an agent does through a client runs once per protocol era the server speaks.
describe.each(ERAS)('%s protocol era', (era: Era) => {
  let acmeClient: Client;
  const connect = (token: string, deps: Parameters<typeof connectIn>[1] = {}) => connectIn(token, { ...deps, era });
  beforeAll(async () => {
    acmeClient = await connect(acme.token);
  });
  afterAll(async () => {
    await acmeClient?.close();
  });

  describe('who sees which tools', () => {
    it('lists exactly the tools enabled for the tenant, with schemas and annotations from the catalogue', async () => {
      const { tools } = await acmeClient.listTools();
      expect(tools.map((t) => t.name).sort()).toEqual(['http_fetch', 'kb_search', 'sql_query', 'ticket_create', 'ticket_search']);
      const kb = tools.find((t) => t.name === 'kb_search')!;
      expect(kb.description).toMatch(/knowledge-base/);
      expect(kb.inputSchema.properties).toHaveProperty('query');
      expect(kb.outputSchema?.properties).toHaveProperty('articles');
      expect(kb.annotations).toMatchObject({ readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false });
      expect(tools.find((t) => t.name === 'ticket_create')!.annotations).toMatchObject({ readOnlyHint: false });
    });

    it("never lists or calls a tool enabled only for another tenant (same error as an unknown tool)", async () => {
      const g = await connect(globex.token);
      expect(await names(g)).toContain('github_search_issues');
      await g.close();
      expect(await names(acmeClient)).not.toContain('github_search_issues');
      const hidden = await acmeClient.callTool({ name: 'github_search_issues', arguments: { query: 'x' } }).catch((e: unknown) => e);
      const unknown = await acmeClient.callTool({ name: 'no_such_tool', arguments: {} }).catch((e: unknown) => e);
      expect(hidden).toBeInstanceOf(ProtocolError);
      expect((hidden as ProtocolError).code).toBe(-32602);
      expect((hidden as ProtocolError).message).toContain('Unknown tool: github_search_issues');
      expect((unknown as ProtocolError).code).toBe(-32602);
    });

    it('audits a call whatever characters its tool name holds (NUL, lone surrogate): still an unknown tool, never an internal error', async () => {
      const odd = await acmeClient.callTool({ name: 'bad\u0000name\ud800', arguments: {} }).catch((e: unknown) => e);
      // 2026-07-28 also carries the name in the Mcp-Name header, where it cannot be written as it is: the SDK refuses
      // the header/body mismatch (-32020) before any tool is looked up.
      if (era === 'modern') return expect((odd as ProtocolError).code).toBe(-32020);
      expect((odd as ProtocolError).code).toBe(-32602);
      const requestId = ((odd as ProtocolError).data as { requestId: string }).requestId;
      const row = await (await getDb()).auditEvent.findFirstOrThrow({ where: { requestId } });
      expect(row).toMatchObject({ outcome: 'denied', errorCode: 'UNKNOWN_TOOL', resourceId: 'bad\uFFFDname\uFFFD' });
    });

    it('adds the tools enabled for the token’s team only', async () => {
      const support = await tokenFor('acme', { team: 'Support' });
      const c = await connect(support.token);
      expect(await names(c)).toContain('email_send');
      await c.close();
      expect(await names(acmeClient)).not.toContain('email_send');
    });

    it('restricts a token to its scopes', async () => {
      const scoped = await tokenFor('acme', { scopes: ['kb_search'] });
      const c = await connect(scoped.token);
      expect(await names(c)).toEqual(['kb_search']);
      await expect(c.callTool({ name: 'ticket_search', arguments: {} })).rejects.toThrow(/Unknown tool: ticket_search/);
      await c.close();
    });
  });

  describe('kill switches and rules apply on the next request', () => {
    it('a tenant kill switch removes a tool from tools/list and tools/call for that tenant only', async () => {
      const db = await getDb();
      const acmeTenant = await db.tenant.findUniqueOrThrow({ where: { slug: 'acme' } });
      const tool = await db.tool.findUniqueOrThrow({ where: { slug: 'ticket_search' } });
      const g = await connect(globex.token);
      try {
        await setKillSwitch({ actor: SYSTEM_ACTOR, tenantId: acmeTenant.id, toolId: tool.id, killed: true, reason: 'incident #42' });
        expect(await names(acmeClient)).not.toContain('ticket_search');
        await expect(acmeClient.callTool({ name: 'ticket_search', arguments: {} })).rejects.toThrow(/Unknown tool: ticket_search/);
        expect(await names(g)).toContain('ticket_search');
        const denied = await db.auditEvent.findFirstOrThrow({ where: { actorId: acme.id, action: 'tool.called', toolSlug: 'ticket_search', errorCode: 'UNKNOWN_TOOL' }, orderBy: { createdAt: 'desc' } });
        expect(JSON.stringify(denied.details)).toContain('killed for acme: incident #42');
      } finally {
        await setKillSwitch({ actor: SYSTEM_ACTOR, tenantId: acmeTenant.id, toolId: tool.id, killed: false, reason: 'incident resolved' });
        await g.close();
      }
      expect(await names(acmeClient)).toContain('ticket_search');
    });
  });

  describe('agents and tokens', () => {
    it('a revoked token stops working at once', async () => {
      const t = await tokenFor('acme');
      const c = await connect(t.token);
      await c.listTools();
      const tenant = await (await getDb()).tenant.findUniqueOrThrow({ where: { slug: 'acme' } });
      await revokeAgentToken({ actor: SYSTEM_ACTOR, tenantId: tenant.id, tokenId: t.id });
      await expect(c.listTools()).rejects.toThrow();
      await c.close().catch(() => undefined);
    });
    it('arguments that fail the schema get an isError result naming the field', async () => {
      const r = await acmeClient.callTool({ name: 'kb_search', arguments: { query: 'x', limit: 500 } });
      expect(r.isError).toBe(true);
      const text = (r.content as { text: string }[])[0]!.text;
      expect(text).toMatch(/query:/);
      expect(text).toMatch(/limit:/);
    });
  });

  describe('the call pipeline', () => {
    it('runs a read-only tool and every result carries a request id that finds its audit record', async () => {
      const r = await acmeClient.callTool({ name: 'ticket_search', arguments: { query: '' } });
      expect(r.isError).toBe(false);
      expect((r.structuredContent as { tickets: unknown[] }).tickets.length).toBeGreaterThan(0);
      const requestId = (r._meta as { requestId: string }).requestId;
      const audit = await (await getDb()).auditEvent.findFirstOrThrow({ where: { requestId, action: 'tool.called' } });
      expect(audit).toMatchObject({ toolSlug: 'ticket_search', outcome: 'success', actorKind: 'agent', via: 'mcp', actorLabel: 'token:acme-agent' });
      expect(audit.latencyMs).not.toBeNull();
      // Usage bookkeeping (best effort, after the answer): the token's "last used" is refreshed.
      await expect.poll(async () => (await (await getDb()).agentToken.findUniqueOrThrow({ where: { id: acme.id } })).lastUsedAt).not.toBeNull();
    });

    it('reports the progress of a call through the pipeline when the caller asks for it (streamed answer)', async () => {
      const seen: { progress: number; total?: number; message?: string }[] = [];
      const r = await acmeClient.callTool({ name: 'kb_search', arguments: { query: 'password reset' } }, { onprogress: (p) => void seen.push(p) });
      expect(r.isError).toBe(false);
      expect(seen.map((p) => p.progress)).toEqual([10, 30, 50, 100]);
      expect(seen.at(-1)).toMatchObject({ total: 100, message: 'kb_search: done, audited' });
    });

    it('limits are exact under concurrent calls, with Retry-After', async () => {
      const db = await getDb();
      const t = await tokenFor('acme', { requestsPerMinute: 4 });
      const c = await connect(t.token);
      const results = await Promise.all(Array.from({ length: 10 }, () => c.callTool({ name: 'ticket_search', arguments: {} })));
      const ok = results.filter((r) => !r.isError);
      const limited = results.filter((r) => r.isError && (r.content as { text: string }[])[0]!.text.startsWith('Rate limit reached'));
      expect(ok).toHaveLength(4);
      expect(limited).toHaveLength(6);
      expect((limited[0]!._meta as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(0);
      const denied = await db.auditEvent.count({ where: { actorId: t.id, action: 'tool.called', outcome: 'denied', errorCode: 'RATE_LIMITED' } });
      expect(denied).toBe(6);
      const res = await rawPost(JSON.stringify({ jsonrpc: '2.0', id: 3, method: 'tools/call', params: { name: 'ticket_search', arguments: {} } }), { authorization: `Bearer ${t.token}`, 'mcp-protocol-version': '2025-11-25' });
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      await c.close();
    });

    it('a read far from its limits starts while its claim is counted, and is cancelled, never returned, when the claim does not fit', async () => {
      const db = await getDb();
      const t = await tokenFor('acme', { callsPerDay: 300 });
      const c = await connect(t.token);
      const search = () => c.callTool({ name: 'kb_search', arguments: { query: 'refund' } });
      const records = () => db.auditEvent.findMany({ where: { actorId: t.id, action: 'tool.called' }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
      expect((await search()).isError).toBe(false); // first call: this process has not seen the counter, the claim came first
      // Other replicas use up the day meanwhile (this process last saw 1 of 300).
      await db.rateCounter.updateMany({ where: { key: `rl:token:${t.id}:day` }, data: { count: 300 } });
      const refused = await search();
      expect(refused.isError).toBe(true);
      expect((refused.content as { text: string }[])[0]!.text).toMatch(/^Rate limit reached: 300 calls per day for token/);
      expect(refused.structuredContent).toBeUndefined();
      // Now that this process has seen the counter full, the claim comes first again: nothing runs before it.
      expect((await search()).isError).toBe(true);
      const [ok, cancelled, claimedFirst] = await records();
      expect(ok).toMatchObject({ outcome: 'success' });
      expect(cancelled).toMatchObject({ outcome: 'denied', errorCode: 'RATE_LIMITED', resourcesTouched: [] });
      expect(cancelled!.details).toMatchObject({ earlyRead: 'cancelled' });
      expect(claimedFirst).toMatchObject({ outcome: 'denied', errorCode: 'RATE_LIMITED' });
      expect(claimedFirst!.details).not.toHaveProperty('earlyRead');
      expect((await db.rateCounter.findFirstOrThrow({ where: { key: `rl:token:${t.id}:day` } })).count).toBe(300); // refused calls consumed nothing
      await c.close();
    });

    it('limits stay exact when two app instances share the database', async () => {
      const db = await getDb();
      const url = (await getDbState()).target.url;
      const other = createPrisma(url, 4); // a second instance: its own Prisma client and pg pool
      const otherPool = new pg.Pool({ connectionString: url, max: 4 });
      try {
        const tenant = await db.tenant.findUniqueOrThrow({ where: { slug: 'globex' } });
        const tool = await db.tool.findUniqueOrThrow({ where: { slug: 'kb_search' } });
        await db.tenantToolPolicy.upsert({
          where: { tenantId_toolId: { tenantId: tenant.id, toolId: tool.id } },
          create: { tenantId: tenant.id, toolId: tool.id, requestsPerMinute: 5 },
          update: { requestsPerMinute: 5 },
        });
        // The other era's run of this test counted against the same tenant × tool minute: start from zero.
        await db.rateCounter.deleteMany({ where: { key: { startsWith: `rl:tenant_tool:${tenant.id}:${tool.id}:` } } });
        const t = await tokenFor('globex');
        const [a, b] = await Promise.all([connect(t.token), connect(t.token, { db: other, pool: otherPool })]);
        const calls = Array.from({ length: 12 }, (_, i) => (i % 2 ? b : a).callTool({ name: 'kb_search', arguments: { query: 'invoice' } }));
        const results = await Promise.all(calls);
        expect(results.filter((r) => !r.isError)).toHaveLength(5);
        expect(results.filter((r) => r.isError && (r.content as { text: string }[])[0]!.text.includes('5 requests per minute for kb_search in tenant globex'))).toHaveLength(7);
        await Promise.all([a.close(), b.close()]);
      } finally {
        await Promise.all([other.$disconnect(), otherPool.end()]);
      }
    });

    it('a critical call waits for a human approval and does not run', async () => {
      const support = await tokenFor('acme', { team: 'Support' });
      const c = await connect(support.token);
      const r = await c.callTool({ name: 'email_send', arguments: { to: ['someone@example.com'], subject: 'Hello', text: 'Body' } });
      expect(r.isError).toBe(true);
      expect((r.content as { text: string }[])[0]!.text).toMatch(/NOT executed: it is held for an operator's approval/);
      const approvalId = (r._meta as { approvalId: string }).approvalId;
      const approval = await (await getDb()).approvalRequest.findUniqueOrThrow({ where: { id: approvalId } });
      expect(approval.status).toBe('pending');
      expect(approval.argumentsEnc).not.toContain('someone@example.com');
      await c.close();
    });
  });

  describe('audit is fail-closed', () => {
    it('when the audit record cannot be written, a write tool has no effect and a read is withheld', async () => {
      const db = await getDb();
      const t = await tokenFor('acme', { name: 'audit-broken' });
      await db.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION it_break_audit() RETURNS trigger AS $$ BEGIN
        IF NEW."actorLabel" = 'token:audit-broken' AND NEW.action = 'tool.called' THEN RAISE EXCEPTION 'audit store unavailable'; END IF;
        RETURN NEW; END $$ LANGUAGE plpgsql`);
      await db.$executeRawUnsafe(`CREATE TRIGGER it_break_audit BEFORE INSERT ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION it_break_audit()`);
      try {
        const c = await connect(t.token);
        const title = `Fail-closed ${Date.now()}`;
        const write = await c.callTool({ name: 'ticket_create', arguments: { title, body: 'Should never exist', requester: 'a@acme.example' } }).catch((e: unknown) => e);
        expect(write).toBeInstanceOf(ProtocolError);
        expect((write as ProtocolError).message).toMatch(/audit record of this call could not be written/);
        expect(await db.ticket.count({ where: { title } })).toBe(0);
        const read = await c.callTool({ name: 'ticket_search', arguments: {} }).catch((e: unknown) => e);
        expect(read).toBeInstanceOf(ProtocolError);
        await c.close();
      } finally {
        await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS it_break_audit ON "AuditEvent"`);
      }
    });
  });
});

describe('authentication', () => {
  it('refuses a missing token with 401 and the resource metadata challenge', async () => {
    const res = await rawPost(INIT);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer resource_metadata="http:\/\/[^"]+\/\.well-known\/oauth-protected-resource\/mcp", scope="mcp:tools"$/);
    expect((await res.json()).error.message).toMatch(/Authentication required/);
  });

  it('refuses unknown, expired and revoked tokens alike', async () => {
    const db = await getDb();
    const expired = await tokenFor('acme');
    await db.agentToken.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const revoked = await tokenFor('acme');
    const tenant = await db.tenant.findUniqueOrThrow({ where: { slug: 'acme' } });
    await revokeAgentToken({ actor: SYSTEM_ACTOR, tenantId: tenant.id, tokenId: revoked.id });
    for (const token of ['mcp_unknown_token_value', expired.token, revoked.token]) {
      const res = await rawPost(INIT, { authorization: `Bearer ${token}` });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toContain('error="invalid_token"');
    }
    const audited = await db.auditEvent.count({ where: { action: 'mcp.auth_failed', resourceId: { in: [expired.id, revoked.id] } } });
    expect(audited).toBe(2);
  });

});

describe('bad input never crashes the server', () => {
  const auth = () => ({ authorization: `Bearer ${acme.token}` });
  it('malformed JSON → -32700', async () => {
    const res = await rawPost('{"jsonrpc": "2.0", ', auth());
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe(-32700);
  });
  it('invalid request → -32600', async () => {
    const res = await rawPost(JSON.stringify({ jsonrpc: '2.0', id: 1, nonsense: true }), auth());
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe(-32600);
  });
  it('unknown method → -32601', async () => {
    const res = await rawPost(JSON.stringify({ jsonrpc: '2.0', id: 7, method: 'tools/explode', params: {} }), { ...auth(), 'mcp-protocol-version': '2025-11-25' });
    const body = await res.json();
    expect(body.error.code).toBe(-32601);
  });
  it('wrong Content-Type → 415, missing Accept → 406, oversized body → 413, foreign Origin → 403, GET/DELETE → 405', async () => {
    expect((await rawPost(INIT, { ...auth(), 'content-type': 'text/plain' })).status).toBe(415);
    expect((await rawPost(INIT, { ...auth(), accept: 'text/html' })).status).toBe(406);
    const big = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping', params: { pad: 'x'.repeat(1024 * 1024 + 10) } });
    expect((await rawPost(big, auth())).status).toBe(413);
    expect((await rawPost(big, { ...auth(), 'content-length': String(big.length) })).status).toBe(413); // declared too large
    expect((await rawPost(big, { ...auth(), 'content-length': '100' })).status).toBe(413); // declared small, sent large
    const foreign = await rawPost(INIT, { ...auth(), origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    expect((await foreign.json()).error.message).toContain('Origin');
    const { handleMcpRequest } = await import('@/mcp-server/http');
    for (const method of ['GET', 'DELETE']) {
      const res = await handleMcpRequest(new Request('http://localhost/mcp', { method, headers: auth() }));
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe('POST');
    }
  });
});

describe('revision 2026-07-28 on the wire', () => {
  const ENVELOPE = { 'io.modelcontextprotocol/protocolVersion': '2026-07-28', 'io.modelcontextprotocol/clientInfo': { name: 'raw', version: '1' }, 'io.modelcontextprotocol/clientCapabilities': {} };
  const modernPost = (id: number, method: string, params: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
    rawPost(JSON.stringify({ jsonrpc: '2.0', id, method, params: { ...params, _meta: ENVELOPE } }), { authorization: `Bearer ${acme.token}`, 'mcp-protocol-version': '2026-07-28', 'mcp-method': method, ...headers });

  it('answers server/discover with this server, its 2026-07-28 support and the tools capability, without a handshake', async () => {
    const res = await modernPost(1, 'server/discover');
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBeTruthy();
    const { result } = await res.json();
    expect(result.supportedVersions).toContain('2026-07-28');
    expect(result.capabilities).toHaveProperty('tools');
    expect(result._meta['io.modelcontextprotocol/serverInfo']).toMatchObject({ name: 'mcp-tool-platform' });
  });

  it('serves a tools/call per request with the request id of its audit record', async () => {
    const res = await modernPost(2, 'tools/call', { name: 'ticket_search', arguments: { query: '' } }, { 'mcp-name': 'ticket_search' });
    const { result } = await res.json();
    expect(result.isError).toBe(false);
    const audit = await (await getDb()).auditEvent.findFirstOrThrow({ where: { requestId: result._meta.requestId, action: 'tool.called' } });
    expect(audit).toMatchObject({ toolSlug: 'ticket_search', outcome: 'success' });
    expect(res.headers.get('x-request-id')).toBe(result._meta.requestId);
  });

  it('refuses an unknown method (-32601), headers that contradict the body (-32020) and an unknown revision (-32022)', async () => {
    expect((await (await modernPost(3, 'tools/explode')).json()).error.code).toBe(-32601);
    const mismatch = await modernPost(4, 'tools/list', {}, { 'mcp-protocol-version': '2025-11-25' });
    expect(mismatch.status).toBe(400);
    expect((await mismatch.json()).error).toMatchObject({ code: -32020, message: expect.stringContaining('MCP-Protocol-Version header names 2025-11-25') });
    const future = await rawPost(JSON.stringify({ jsonrpc: '2.0', id: 5, method: 'tools/list', params: { _meta: { ...ENVELOPE, 'io.modelcontextprotocol/protocolVersion': '2099-01-01' } } }), { authorization: `Bearer ${acme.token}`, 'mcp-protocol-version': '2099-01-01', 'mcp-method': 'tools/list' });
    expect(future.status).toBe(400);
    expect((await future.json()).error).toMatchObject({ code: -32022, data: { supported: ['2026-07-28'], requested: '2099-01-01' } });
  });

  it('answers malformed 2026-07-28 traffic with a precise JSON-RPC error, never a 5xx', async () => {
    const modern = { 'mcp-protocol-version': '2026-07-28' };
    const cases: { body: unknown; headers: Record<string, string>; status: number; code: number; message: RegExp }[] = [
      { body: [1, 2].map((id) => ({ jsonrpc: '2.0', id, method: 'tools/list', params: { _meta: ENVELOPE } })), headers: { ...modern, 'mcp-method': 'tools/list' }, status: 400, code: -32600, message: /batches may not contain requests/ },
      { body: { jsonrpc: '2.0', id: 1, method: 'tools/list', params: { _meta: { ...ENVELOPE, 'io.modelcontextprotocol/clientCapabilities': 'none' } } }, headers: { ...modern, 'mcp-method': 'tools/list' }, status: 400, code: -32602, message: /clientCapabilities/ },
      { body: { jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'kb_search', arguments: [1, 2], _meta: ENVELOPE } }, headers: { ...modern, 'mcp-method': 'tools/call', 'mcp-name': 'kb_search' }, status: 200, code: -32602, message: /arguments/ },
      { body: { jsonrpc: '2.0', id: 3, method: 'initialize', params: { protocolVersion: '2026-07-28', capabilities: {}, clientInfo: { name: 'x', version: '1' } } }, headers: modern, status: 400, code: -32020, message: /initialize request/ },
    ];
    for (const c of cases) {
      const res = await rawPost(JSON.stringify(c.body), { authorization: `Bearer ${acme.token}`, ...c.headers });
      expect(res.status, JSON.stringify(c.body)).toBe(c.status);
      expect((await res.json()).error).toMatchObject({ code: c.code, message: expect.stringMatching(c.message) });
    }
  });

  it('still authenticates before anything else: no token, no discovery', async () => {
    const res = await rawPost(JSON.stringify({ jsonrpc: '2.0', id: 6, method: 'server/discover', params: { _meta: ENVELOPE } }), { 'mcp-protocol-version': '2026-07-28', 'mcp-method': 'server/discover' });
    expect(res.status).toBe(401);
  });
});
