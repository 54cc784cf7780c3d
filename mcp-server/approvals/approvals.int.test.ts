// Human in the loop, end to end through the real SDK client: a held call, the operator's decision, the single
// execution with the approved arguments, and what the agent sees of each outcome (both protocol eras).
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/client';
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/policy';
import { createPrisma, getDb, getDbState } from '@/lib/server/db/client';
import { setActivationRule } from '@/lib/services/activation/set-activation-rule';
import { revokeAgentToken } from '@/lib/services/agent-tokens/revoke-agent-token';
import { sealArguments } from '@/lib/services/approvals/approval-arguments';
import { getApprovalOrThrow } from '@/lib/services/approvals/get-approval';
import { actorFor } from '@/lib/testing/actors';
import { connect as connectIn, ERAS, SYSTEM_ACTOR, tokenFor, type Era } from '@/lib/testing/mcp';
import { decideAndRun } from './decide-and-run';
import { runApproval } from './run-approval';

type Meta = { approvalId: string; approval: { id: string; status: string; expiresAt: string; approvalsRequired: number } };
const text = (r: { content?: unknown }) => (r.content as { text: string }[])[0]!.text;

let operator: Actor;
let operator2: Actor;
let globexOperator: Actor;

/** A fresh paid invoice of acme's dataset, so each test knows exactly what was refunded. */
async function freshInvoice(amount = 100): Promise<number> {
  const db = await getDb();
  const [row] = await db.$queryRawUnsafe<{ id: number }[]>(
    `INSERT INTO ds_acme.invoices (order_id, customer_id, amount, status) SELECT id, customer_id, $1::numeric, 'paid' FROM ds_acme.orders ORDER BY id LIMIT 1 RETURNING id`, amount.toFixed(2));
  return row!.id;
}
async function refunded(id: number): Promise<string> {
  const [row] = await (await getDb()).$queryRawUnsafe<{ refunded: string }[]>(`SELECT refunded::text AS refunded FROM ds_acme.invoices WHERE id = $1`, id);
  return row!.refunded;
}
const refundArgs = (invoiceId: number, amount = 12.5) => ({ invoiceId, amount, reason: 'Damaged parcel' });

async function status(c: Client, approvalId: string) {
  const r = await c.callTool({ name: 'approval_status', arguments: { approvalId } });
  return { isError: r.isError, text: text(r), view: r.structuredContent as Record<string, unknown> | undefined };
}

beforeAll(async () => {
  const db = await getDb();
  operator = await actorFor('operator@acme.example');
  globexOperator = await actorFor('operator@globex.example');
  const acme = await db.tenant.findUniqueOrThrow({ where: { slug: 'acme' } });
  const second = await db.user.upsert({ where: { email: 'it-operator2@acme.example' }, create: { email: 'it-operator2@acme.example', name: 'Second Operator', roles: ['operator'], tenantId: acme.id }, update: {} });
  operator2 = { ...operator, id: second.id, label: second.email };
  // The demo allows 10 refunds a minute per tenant: this file makes more.
  const tool = await db.tool.findUniqueOrThrow({ where: { slug: 'payment_refund' } });
  await db.tenantToolPolicy.update({ where: { tenantId_toolId: { tenantId: acme.id, toolId: tool.id } }, data: { requestsPerMinute: 10_000 } });
});

describe.each(ERAS)('%s protocol era', (era: Era) => {
  let finance: { token: string; id: string };
  let agent: Client;
  beforeAll(async () => {
    finance = await tokenFor('acme', { team: 'Finance', name: `finance-${era}` });
    agent = await connectIn(finance.token, { era });
  });
  afterAll(async () => {
    await agent?.close();
  });

  it('a held call is not run; the agent is told how to follow it, and approval_status is listed', async () => {
    const invoice = await freshInvoice();
    const r = await agent.callTool({ name: 'payment_refund', arguments: refundArgs(invoice) });
    expect(r.isError).toBe(true);
    expect(text(r)).toMatch(/NOT executed: it is held for an operator's approval.*Call approval_status with \{"approvalId":"[^"]+"\}.*expires at/);
    const meta = r._meta as Meta;
    expect(meta.approval).toMatchObject({ id: meta.approvalId, status: 'pending', approvalsRequired: 1 });
    const ttl = new Date(meta.approval.expiresAt).getTime() - Date.now();
    expect(ttl).toBeGreaterThan(14 * 60_000);
    expect(ttl).toBeLessThanOrEqual(15 * 60_000);
    expect((await agent.listTools()).tools.map((t) => t.name)).toContain('approval_status');
    const s = await status(agent, meta.approvalId);
    expect(s.view).toMatchObject({ status: 'pending', approvalsGiven: 0, result: null });
    expect(await refunded(invoice)).toBe('0.00');
  });

  it('approved: runs once with the approved arguments, and the agent gets the real result', async () => {
    const invoice = await freshInvoice();
    // The agent's trace (W3C traceparent in _meta) follows the call through its approval and its execution.
    const traceId = randomBytes(16).toString('hex');
    const held = await agent.callTool({ name: 'payment_refund', arguments: refundArgs(invoice), _meta: { traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01` } });
    const id = (held._meta as Meta).approvalId;
    const view = await decideAndRun({ actor: operator, id, decision: 'approve', reason: 'Customer called' });
    expect(view.status).toBe('executed');
    expect(await refunded(invoice)).toBe('12.50');
    const s = await status(agent, id);
    expect(s.view).toMatchObject({ status: 'executed', approvalsGiven: 1 });
    expect(s.view!.decidedBy).toHaveLength(1);
    expect((s.view!.result as { structuredContent: unknown }).structuredContent).toEqual({ invoiceId: invoice, refunded: 12.5, totalRefunded: 12.5, status: 'partially_refunded' });
    // Deciding again changes nothing and says why.
    await expect(decideAndRun({ actor: operator, id, decision: 'approve', reason: '' })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await refunded(invoice)).toBe('12.50');
    // One correlation id links the held call, the decision and the execution.
    const events = await (await getDb()).auditEvent.findMany({ where: { requestId: view.correlationId }, orderBy: { createdAt: 'asc' }, select: { action: true, outcome: true, traceId: true } });
    expect(events.map((e) => `${e.action}:${e.outcome}`)).toEqual(['tool.called:pending_approval', 'approval.approved:success', 'tool.called:success']);
    expect(events.map((e) => e.traceId)).toEqual([traceId, traceId, traceId]);
  });

  it('denied: nothing runs and the agent reads the reason', async () => {
    const invoice = await freshInvoice();
    const id = ((await agent.callTool({ name: 'payment_refund', arguments: refundArgs(invoice) }))._meta as Meta).approvalId;
    const view = await decideAndRun({ actor: operator, id, decision: 'deny', reason: 'Refund already issued by bank transfer' });
    expect(view.status).toBe('denied');
    const s = await status(agent, id);
    expect(s.view).toMatchObject({ status: 'denied', reason: 'Refund already issued by bank transfer', result: null });
    expect(s.text).toMatch(/denied/);
    expect(await refunded(invoice)).toBe('0.00');
  });
});

describe('decisions and execution', () => {
  let finance: { token: string; id: string };
  let agent: Client;
  beforeAll(async () => {
    finance = await tokenFor('acme', { team: 'Finance', name: 'finance-decisions' });
    agent = await connectIn(finance.token);
  });
  afterAll(async () => {
    await agent?.close();
  });
  const hold = async (args: Record<string, unknown>, c: Client = agent) => ((await c.callTool({ name: 'payment_refund', arguments: args }))._meta as Meta).approvalId;

  it('two-person rule above the condition: a second, different operator completes the approval', async () => {
    const db = await getDb();
    const acme = await db.tenant.findUniqueOrThrow({ where: { slug: 'acme' } });
    const tool = await db.tool.findUniqueOrThrow({ where: { slug: 'payment_refund' } });
    const where = { tenantId_toolId: { tenantId: acme.id, toolId: tool.id } };
    const before = (await db.tenantToolPolicy.findUniqueOrThrow({ where })).approvalsRequired;
    await db.tenantToolPolicy.update({ where, data: { approvalsRequired: 2 } }); // the demo's rule: two operators above 500
    try {
      const small = await hold(refundArgs(await freshInvoice(), 20));
      expect((await getApprovalOrThrow({ actor: operator, id: small })).approvalsRequired).toBe(1);
      const invoice = await freshInvoice(1000);
      const id = await hold(refundArgs(invoice, 600));
      const first = await decideAndRun({ actor: operator, id, decision: 'approve', reason: '' });
      expect(first).toMatchObject({ status: 'pending', approvalsRequired: 2, approvalsGiven: 1, canDecide: false });
      expect(first.cannotDecideReason).toMatch(/different operator/);
      await expect(decideAndRun({ actor: operator, id, decision: 'approve', reason: '' })).rejects.toBeInstanceOf(AppError);
      expect(await refunded(invoice)).toBe('0.00');
      const second = await decideAndRun({ actor: operator2, id, decision: 'approve', reason: 'Checked with finance' });
      expect(second.status).toBe('executed');
      expect(await refunded(invoice)).toBe('600.00');
    } finally {
      await db.tenantToolPolicy.update({ where, data: { approvalsRequired: before } });
    }
  });

  it('no self-approval: not for a token acting for the operator, nor one they created; nor across tenants', async () => {
    const db = await getDb();
    const mine = await tokenFor('acme', { team: 'Finance', name: 'created-by-operator' });
    await db.agentToken.update({ where: { id: mine.id }, data: { createdById: operator.id } });
    const c = await connectIn(mine.token);
    const id = await hold(refundArgs(await freshInvoice()), c);
    await c.close();
    await expect(decideAndRun({ actor: operator, id, decision: 'approve', reason: '' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(decideAndRun({ actor: globexOperator, id, decision: 'approve', reason: '' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const tenantAdmin = await actorFor('tenant-admin@acme.example');
    await expect(decideAndRun({ actor: tenantAdmin, id, decision: 'approve', reason: '' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await decideAndRun({ actor: operator2, id, decision: 'approve', reason: '' })).status).toBe('executed');
  });

  it('void when, by execution time, the token was revoked, the tool disabled for its principal or the served version changed', async () => {
    const db = await getDb();
    const revoked = await tokenFor('acme', { team: 'Finance', name: 'soon-revoked' });
    const c = await connectIn(revoked.token);
    const invoice = await freshInvoice();
    const a = await hold(refundArgs(invoice), c);
    await c.close();
    await revokeAgentToken({ actor: SYSTEM_ACTOR, tenantId: (await db.tenant.findUniqueOrThrow({ where: { slug: 'acme' } })).id, tokenId: revoked.id });
    const v1 = await decideAndRun({ actor: operator, id: a, decision: 'approve', reason: '' });
    expect(v1).toMatchObject({ status: 'void' });
    expect(v1.statusReason).toMatch(/revoked/);

    const b = await hold(refundArgs(invoice));
    await db.approvalRequest.update({ where: { id: b }, data: { toolVersion: 99 } });
    const v2 = await decideAndRun({ actor: operator, id: b, decision: 'approve', reason: '' });
    expect(v2.statusReason).toMatch(/not the approved version 99/);

    // Disabled for the principal the token acts for (a team of its own: the demo tenant's rules stay as other suites
    // expect them while this runs).
    const acme = await db.tenant.findUniqueOrThrow({ where: { slug: 'acme' } });
    const tool = await db.tool.findUniqueOrThrow({ where: { slug: 'payment_refund' } });
    const team = await db.team.create({ data: { tenantId: acme.id, slug: `void-${Date.now().toString(36)}`, name: `Void test ${Date.now().toString(36)}` } });
    const rule = (state: 'on' | 'off') => setActivationRule({ actor: SYSTEM_ACTOR, tenantId: acme.id, toolId: tool.id, scope: 'team', teamId: team.id, state, rolloutPercent: null, reason: `void test: ${state}` });
    await rule('on');
    const teamAgent = await connectIn((await tokenFor('acme', { team: team.name, name: 'void-team-agent' })).token);
    const k = await hold(refundArgs(invoice), teamAgent);
    await rule('off');
    const v3 = await decideAndRun({ actor: operator, id: k, decision: 'approve', reason: '' });
    expect(v3.status).toBe('void');
    expect(v3.statusReason).toMatch(/no longer enabled/);
    expect((await status(teamAgent, k)).view).toMatchObject({ status: 'void' });
    await teamAgent.close();
    expect(await refunded(invoice)).toBe('0.00');
  });

  it('an approval runs only the arguments it was given for: other stored arguments make it void', async () => {
    const db = await getDb();
    const invoice = await freshInvoice();
    const id = await hold(refundArgs(invoice, 5));
    // Someone with database access swaps in other (validly encrypted) arguments: they do not match the approved hash.
    await db.approvalRequest.update({ where: { id }, data: { argumentsEnc: sealArguments(refundArgs(invoice, 99)).enc } });
    const view = await decideAndRun({ actor: operator, id, decision: 'approve', reason: '' });
    expect(view.status).toBe('void');
    expect(view.statusReason).toMatch(/arguments no longer match/);
    expect(await refunded(invoice)).toBe('0.00');
  });

  it('expired means denied: the agent is told, and a decision is refused with 409', async () => {
    const id = await hold(refundArgs(await freshInvoice()));
    await (await getDb()).approvalRequest.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const s = await status(agent, id);
    expect(s.view).toMatchObject({ status: 'expired' });
    expect(s.text).toMatch(/expired/);
    await expect(decideAndRun({ actor: operator, id, decision: 'approve', reason: '' })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('concurrent decisions and executions (several app instances) give one execution', async () => {
    const db = await getDb();
    const invoice = await freshInvoice();
    const id = await hold(refundArgs(invoice, 10));
    const results = await Promise.allSettled([
      decideAndRun({ actor: operator, id, decision: 'approve', reason: '' }),
      decideAndRun({ actor: operator2, id, decision: 'approve', reason: '' }),
      decideAndRun({ actor: operator2, id, decision: 'deny', reason: 'Not needed' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').every((r) => (r as PromiseRejectedResult).reason instanceof AppError)).toBe(true);
    const final = await getApprovalOrThrow({ actor: operator, id });
    expect(['executed', 'denied']).toContain(final.status);
    expect(await refunded(invoice)).toBe(final.status === 'executed' ? '10.00' : '0.00');

    // Executions racing on separate connection pools (as separate replicas would) claim once.
    const other = createPrisma((await getDbState()).target.url, 4);
    try {
      const inv2 = await freshInvoice();
      const id2 = await hold(refundArgs(inv2, 10));
      await db.approvalRequest.update({ where: { id: id2 }, data: { status: 'approved', decidedAt: new Date() } });
      const outcomes = await Promise.all([runApproval(id2), runApproval(id2, { db: other }), runApproval(id2, { db: other }), runApproval(id2)]);
      expect(outcomes.filter((o) => o === 'executed')).toHaveLength(1);
      expect(await refunded(inv2)).toBe('10.00');
    } finally {
      await other.$disconnect();
    }
  });

  it('another token of another principal, or another tenant, sees an approval exactly like an unknown id', async () => {
    const id = await hold(refundArgs(await freshInvoice()));
    const support = await connectIn((await tokenFor('acme', { team: 'Support' })).token);
    const globex = await connectIn((await tokenFor('globex', { name: 'globex-peek' })).token);
    try {
      const unknown = await status(support, 'c0000000000000000000000');
      for (const c of [support]) {
        const s = await status(c, id);
        expect(s.isError).toBe(true);
        expect(s.text.replace(id, 'X')).toBe(unknown.text.replace('c0000000000000000000000', 'X'));
      }
      // globex has no tool that can be held: approval_status is not even listed there.
      expect((await globex.listTools()).tools.map((t) => t.name)).not.toContain('approval_status');
    } finally {
      await Promise.all([support.close(), globex.close()]);
    }
  });

  it('idempotency keys: the same key returns the same approval or result; other arguments are refused', async () => {
    const invoice = await freshInvoice();
    const call = (args: Record<string, unknown>, key: string, name = 'payment_refund') => agent.callTool({ name, arguments: args, _meta: { idempotencyKey: key } });
    const key = `refund-${Date.now()}`;
    const a = await call(refundArgs(invoice), key);
    const b = await call(refundArgs(invoice), key);
    expect((b._meta as Meta).approvalId).toBe((a._meta as Meta).approvalId);
    const c = await call(refundArgs(invoice, 13), key);
    expect(c.isError).toBe(true);
    expect(text(c)).toMatch(/already used in the last 24 h for other arguments/);
    expect(await (await getDb()).approvalRequest.count({ where: { idempotencyKey: key } })).toBe(1);

    const ticketKey = `ticket-${Date.now()}`;
    const ticket = { title: `Idempotent ${ticketKey}`, body: 'Printer on fire', requester: 'ops@acme-customers.example' };
    const t1 = await call(ticket, ticketKey, 'ticket_create');
    const t2 = await call(ticket, ticketKey, 'ticket_create');
    expect(t1.isError).toBe(false);
    expect(t2.structuredContent).toEqual(t1.structuredContent);
    expect(await (await getDb()).ticket.count({ where: { title: ticket.title } })).toBe(1);
  });
});
