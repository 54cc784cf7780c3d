// The approval REST routes against a real database: held calls made through /mcp by an acme agent, then listed,
// read, revealed and decided by session users of each role; every refusal has its exact status and message.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Client } from '@modelcontextprotocol/client';
import { AppError } from '@/lib/errors';
import type { ApprovalPage, ApprovalView } from '@/lib/schemas/approvals';
import type { PortalActor } from '@/lib/server/auth/actor';
import { createAgentToken } from '@/lib/services/agent-tokens/create-agent-token';
import { actorFor } from '@/lib/testing/actors';
import { connect, SYSTEM_ACTOR, tokenFor } from '@/lib/testing/mcp';

// The routes resolve the caller from the session; here the session is whichever demo user `current` names.
let current: PortalActor | null = null;
vi.mock('@/lib/server/auth/actor', () => ({
  requireActor: async () => {
    if (!current) throw new AppError('UNAUTHENTICATED');
    return current;
  },
}));
const list = await import('./route');
const count = await import('./count/route');
const one = await import('./[id]/route');
const decision = await import('./[id]/decision/route');
const reveal = await import('./[id]/reveal/route');

const EMAILS = {
  operator: 'operator@acme.example',
  tenantAdmin: 'tenant-admin@acme.example',
  requester: 'requester@acme.example',
  globexOperator: 'operator@globex.example',
  auditor: 'auditor@example.com',
} as const;
type Who = keyof typeof EMAILS;
const actors = {} as Record<Who, PortalActor>;
const as = (who: Who | null) => {
  current = who ? actors[who] : null;
};

const BASE = 'http://localhost/api/v1/approvals';
const params = (id: string) => ({ params: Promise.resolve({ id }) });
const getList = (qs = '') => list.GET(new Request(`${BASE}${qs}`));
const getOne = (id: string) => one.GET(new Request(`${BASE}/${id}`), params(id));
const decide = (id: string, body: unknown) =>
  decision.POST(new Request(`${BASE}/${id}/decision`, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json' } }), params(id));
const revealArgs = (id: string) => reveal.POST(new Request(`${BASE}/${id}/reveal`, { method: 'POST' }), params(id));
const json = async <T = { error: { code: string; message: string; fieldErrors?: Record<string, string[]> } }>(res: Response) => (await res.json()) as T;

let agent: Client;
let tokenName: string;
let invoiceId: number;

/** An acme finance agent asks for a refund: the call is held and its approval id returned. */
async function holdRefund(c = agent, amount = 1): Promise<string> {
  const r = await c.callTool({ name: 'payment_refund', arguments: { invoiceId, amount, reason: 'Route test refund' } });
  expect(r.isError).toBe(true);
  return (r._meta as { approvalId: string }).approvalId;
}

beforeAll(async () => {
  for (const who of Object.keys(EMAILS) as Who[]) {
    const a = await actorFor(EMAILS[who]);
    actors[who] = { ...a, email: EMAILS[who], tenantSlug: null, tenantName: null, via: 'api' };
  }
  tokenName = `approvals-api-${Date.now().toString(36)}`;
  agent = await connect((await tokenFor('acme', { team: 'Finance', name: tokenName })).token);
  const found = await agent.callTool({ name: 'sql_query', arguments: { sql: "SELECT id FROM invoices WHERE status IN ('paid', 'partially_refunded') AND amount - refunded > 50 ORDER BY id DESC LIMIT 1" } });
  invoiceId = Number((found.structuredContent as { rows: { id: number }[] }).rows[0]!.id);
  expect(invoiceId).toBeGreaterThan(0);
});
afterAll(async () => {
  await agent?.close();
});

describe('GET /api/v1/approvals and /count', () => {
  let held: string[];
  beforeAll(async () => {
    held = [await holdRefund(), await holdRefund()];
  });

  it("lists the tenant's held calls to its operator, with what is needed to decide, and never to another tenant", async () => {
    as('operator');
    const res = await getList(`?q=${tokenName}`);
    expect(res.status).toBe(200);
    const page = await json<ApprovalPage>(res);
    expect(page.items.map((a) => a.id).sort()).toEqual([...held].sort());
    expect(page.items[0]).toMatchObject({
      status: 'pending', tool: { slug: 'payment_refund' }, token: { name: tokenName }, actsFor: { user: null, team: 'Finance' },
      arguments: { invoiceId, amount: 1, reason: 'Route test refund' }, approvalsRequired: 1, approvalsGiven: 0, canDecide: true, cannotDecideReason: null,
    });
    expect(page.pendingCount).toBeGreaterThanOrEqual(2);
    const badge = await json<{ pending: number }>(await count.GET());
    expect(badge.pending).toBeGreaterThanOrEqual(2);

    as('globexOperator');
    const other = await json<ApprovalPage>(await getList(`?q=${tokenName}`));
    expect(other.items).toEqual([]);
    const everything = await json<ApprovalPage>(await getList('?limit=100'));
    expect(everything.items.every((a) => a.tenant.slug === 'globex')).toBe(true);
  });

  it('pages with the keyset cursor, and keeps decided calls out of the pending list', async () => {
    as('operator');
    const first = await json<ApprovalPage>(await getList(`?q=${tokenName}&limit=1`));
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await json<ApprovalPage>(await getList(`?q=${tokenName}&limit=1&cursor=${first.nextCursor}`));
    expect(second.items.map((a) => a.id)).not.toContain(first.items[0]!.id);
    expect(second.items).toHaveLength(1);
    const history = await json<ApprovalPage>(await getList(`?status=decided&q=${tokenName}`));
    expect(history.items.map((a) => a.id)).not.toContain(held[0]);
  });

  it.each([
    ['an unknown status', '?status=maybe', 400, 'BAD_REQUEST', 'Invalid query: status: status must be pending or decided.'],
    ['a limit of 0', '?limit=0', 400, 'BAD_REQUEST', 'Invalid query: limit: limit must be at least 1.'],
    ['a limit that is not a number', '?limit=many', 400, 'BAD_REQUEST', 'Invalid query: limit: limit must be a number.'],
    ['a forged cursor', '?cursor=bm90LWEtY3Vyc29y', 422, 'VALIDATION', 'That page cursor is not valid: start again from the first page.'],
  ])('refuses %s (%s) with %d', async (_name, qs, status, code, message) => {
    as('operator');
    const res = await getList(qs);
    expect(res.status).toBe(status);
    expect((await json(res)).error).toMatchObject({ code, message });
  });

  it('refuses a role without approval.read (403) and a caller without a session (401); the count is 0 for them', async () => {
    as('requester');
    const res = await getList();
    expect(res.status).toBe(403);
    expect((await json(res)).error.code).toBe('FORBIDDEN');
    expect(await json(await count.GET())).toEqual({ pending: 0 });
    as(null);
    expect((await getList()).status).toBe(401);
    expect((await count.GET()).status).toBe(401);
  });
});

describe('GET /api/v1/approvals/:id and POST …/reveal', () => {
  let id: string;
  beforeAll(async () => {
    id = await holdRefund();
  });

  it('shows one approval to the roles that may read it, with why each one cannot decide', async () => {
    as('operator');
    const mine = await getOne(id);
    expect(mine.status).toBe(200);
    expect(await json<ApprovalView>(mine)).toMatchObject({ id, canDecide: true, rule: expect.stringContaining('payment_refund') });
    as('auditor');
    expect(await json<ApprovalView>(await getOne(id))).toMatchObject({ id, canDecide: false, cannotDecideReason: 'Your role can read approvals but not decide them.' });
    as('tenantAdmin');
    expect(await json<ApprovalView>(await getOne(id))).toMatchObject({ id, canDecide: false, cannotDecideReason: 'Your role can read approvals but not decide them.' });
  });

  it.each([
    ["another tenant's operator", 'globexOperator', null, 404, 'NOT_FOUND'],
    ['a role without approval.read', 'requester', null, 403, 'FORBIDDEN'],
    ['an unknown id', 'operator', 'no-such-approval', 404, 'NOT_FOUND'],
    ['a malformed id', 'operator', 'not an id!', 422, 'VALIDATION'],
  ] as const)('answers %s with %d', async (_name, who, other, status, code) => {
    as(who);
    const res = await getOne(other ?? id);
    expect(res.status).toBe(status);
    expect((await json(res)).error.code).toBe(code);
  });

  it('reveals the full arguments to an operator only', async () => {
    as('operator');
    const res = await revealArgs(id);
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({ arguments: { invoiceId, amount: 1, reason: 'Route test refund' } });
    for (const [who, status] of [['auditor', 403], ['tenantAdmin', 403], ['requester', 403], ['globexOperator', 404]] as const) {
      as(who);
      expect((await revealArgs(id)).status, who).toBe(status);
    }
    as(null);
    expect((await revealArgs(id)).status).toBe(401);
  });
});

describe('POST /api/v1/approvals/:id/decision', () => {
  // payment_refund allows 10 calls a minute in acme: the refusals share one held call.
  let pendingId: string;
  beforeAll(async () => {
    pendingId = await holdRefund();
  });

  it.each([
    ['a body that is not JSON', '{"decision": approve}', 400, { code: 'BAD_REQUEST', message: 'The body must be JSON, e.g. {"decision":"deny","reason":"Amount looks wrong"}.' }],
    ['no decision', {}, 422, { code: 'VALIDATION', message: 'decision: Choose approve or deny.', fieldErrors: { decision: ['Choose approve or deny.'] } }],
    ['an unknown decision', { decision: 'maybe' }, 422, { code: 'VALIDATION', fieldErrors: { decision: ['Choose approve or deny.'] } }],
    ['a denial without a reason', { decision: 'deny' }, 422, { code: 'VALIDATION', fieldErrors: { reason: ['Say why you deny this call (at least 3 characters): the agent and its owner will read it.'] } }],
    ['a reason that is not text', { decision: 'approve', reason: 42 }, 422, { code: 'VALIDATION', fieldErrors: { reason: ['The reason must be text.'] } }],
    ['a reason over 1,000 characters', { decision: 'approve', reason: 'x'.repeat(1001) }, 422, { code: 'VALIDATION', fieldErrors: { reason: ['Keep the reason under 1,000 characters.'] } }],
  ])('refuses %s with %d and changes nothing', async (_name, body, status, error) => {
    const id = pendingId;
    as('operator');
    const res = await decide(id, body);
    expect(res.status).toBe(status);
    expect((await json(res)).error).toMatchObject(error);
    expect(await json<ApprovalView>(await getOne(id))).toMatchObject({ status: 'pending', votes: [] });
  });

  it('refuses roles that cannot decide (403), another tenant (404), and the operator a token acts for (403)', async () => {
    const id = pendingId;
    for (const [who, status, code] of [['auditor', 403, 'FORBIDDEN'], ['tenantAdmin', 403, 'FORBIDDEN'], ['requester', 403, 'FORBIDDEN'], ['globexOperator', 404, 'NOT_FOUND']] as const) {
      as(who);
      const res = await decide(id, { decision: 'approve' });
      expect(res.status, who).toBe(status);
      expect((await json(res)).error.code, who).toBe(code);
    }
    as(null);
    expect((await decide(id, { decision: 'approve' })).status).toBe(401);

    // A Support token acting for the operator holds an email: that operator may not decide it.
    const operator = actors.operator;
    const { token } = await createAgentToken({ actor: SYSTEM_ACTOR, tenantId: operator.tenantId!, name: `${tokenName}-self`, userId: operator.id });
    const self = await connect(token);
    const r = await self.callTool({ name: 'email_send', arguments: { to: ['someone@example.com'], subject: 'Self approval', text: 'Body' } });
    await self.close();
    const selfId = (r._meta as { approvalId: string }).approvalId;
    as('operator');
    expect(await json<ApprovalView>(await getOne(selfId))).toMatchObject({ canDecide: false, cannotDecideReason: 'The agent token acts for you: another operator must decide.' });
    const res = await decide(selfId, { decision: 'approve' });
    expect(res.status).toBe(403);
    expect((await json(res)).error).toMatchObject({ code: 'FORBIDDEN', message: 'The agent token acts for you: another operator must decide.' });
    expect(await json<ApprovalView>(await getOne(id))).toMatchObject({ status: 'pending', votes: [] });
  });

  it('denies with a reason once; a second decision is a conflict', async () => {
    const id = await holdRefund();
    as('operator');
    const res = await decide(id, { decision: 'deny', reason: 'Refund already paid by bank transfer' });
    expect(res.status).toBe(200);
    expect(await json<ApprovalView>(res)).toMatchObject({
      id, status: 'denied', statusReason: 'Refund already paid by bank transfer', result: null, canDecide: false,
      votes: [{ approve: false, reason: 'Refund already paid by bank transfer', operator: expect.stringContaining('Omar Operator') }],
      decisionLatencyMs: expect.any(Number),
    });
    const again = await decide(id, { decision: 'approve' });
    expect(again.status).toBe(409);
    expect((await json(again)).error).toMatchObject({ code: 'CONFLICT', message: 'This call is denied: it can no longer be decided.' });
    const history = await json<ApprovalPage>(await getList(`?status=decided&q=${id}`));
    expect(history.items.map((a) => [a.id, a.status])).toEqual([[id, 'denied']]);
  });

  it('approves: the call runs at once and the answer carries its result; a second decision is a conflict', async () => {
    const id = await holdRefund();
    as('operator');
    const res = await decide(id, { decision: 'approve', reason: 'Checked with the customer' });
    expect(res.status).toBe(200);
    const view = await json<ApprovalView>(res);
    expect(view).toMatchObject({ id, status: 'executed', approvalsGiven: 1, votes: [{ approve: true, reason: 'Checked with the customer' }], executedAt: expect.any(String) });
    expect(view.result).toMatchObject({ isError: false, structuredContent: { invoiceId, refunded: 1 } });
    const again = await decide(id, { decision: 'deny', reason: 'Too late' });
    expect(again.status).toBe(409);
    expect((await json(again)).error.code).toBe('CONFLICT');
  });
});
