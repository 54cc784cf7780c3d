// The demo seed's approvals: what the inbox and its history show, with the audit trail each one would have left,
// and a second run of the seed adds nothing.
import { verify } from '@node-rs/argon2';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/lib/server/db/client';
import { openArguments } from '@/lib/services/approvals/approval-arguments';
import { DEMO_PASSWORD, seedDemo } from './demo';

async function seeded(tenant: string) {
  const db = await getDb();
  return db.approvalRequest.findMany({
    where: { tenant: { slug: tenant }, token: { name: `${tenant === 'acme' ? 'acme-finance' : 'globex-support'}-agent` } },
    include: { tool: { select: { slug: true } }, decisions: { include: { operator: { select: { email: true } } } } },
    orderBy: { createdAt: 'asc' },
  });
}

describe('demo approvals', () => {
  it('gives acme a pending, an executed, a denied and an expired refund, each with its audit trail', async () => {
    const db = await getDb();
    const rows = await seeded('acme');
    expect(rows.map((r) => r.status).sort()).toEqual(['denied', 'executed', 'expired', 'pending']);
    const by = Object.fromEntries(rows.map((r) => [r.status, r]));
    expect(by.pending!.expiresAt.getTime()).toBeGreaterThan(Date.now());
    expect(by.pending!.approvalsRequired).toBe(2); // 750 > 500: the two-person rule
    expect(by.executed!.approvalsRequired).toBe(1);
    expect(by.executed!.decisions.map((d) => [d.operator.email, d.approve])).toEqual([['operator@acme.example', true]]);
    expect(by.denied!.statusReason).toMatch(/return window/);
    const result = by.executed!.result as { isError: boolean; content: { text: string }[]; structuredContent: Record<string, unknown> };
    expect(result.isError).toBe(false);
    expect(JSON.parse(result.content[0]!.text)).toEqual(result.structuredContent);
    const [invoice] = await db.$queryRawUnsafe<{ refunded: string; status: string }[]>(`SELECT refunded::text AS refunded, status FROM ds_acme.invoices WHERE id = $1`, result.structuredContent.invoiceId);
    expect(invoice).toEqual({ refunded: '89.90', status: 'partially_refunded' });
    expect(result.structuredContent).toMatchObject({ refunded: 89.9, totalRefunded: 89.9, status: 'partially_refunded' });

    const trail = { pending: [], executed: ['approval.approved:success', 'tool.called:success'], denied: ['approval.denied:success'], expired: ['approval.expired:denied'] };
    for (const r of rows) {
      const args = openArguments(r.argumentsEnc, r.argumentsHash);
      expect(args).toMatchObject({ invoiceId: expect.any(Number), amount: expect.any(Number) });
      // The redacted copy hides the customer's email that the sealed arguments keep.
      expect(JSON.stringify(r.argumentsRedacted)).not.toMatch(/@acme-customers/);
      const events = await db.auditEvent.findMany({ where: { requestId: r.requestId }, orderBy: { createdAt: 'asc' } });
      expect(events.map((e) => `${e.action}:${e.outcome}`)).toEqual(['tool.called:pending_approval', ...trail[r.status as keyof typeof trail]]);
      expect(events[0]!.details).toMatchObject({ approvalId: r.id });
    }
    expect(JSON.stringify(by.pending!.argumentsRedacted)).toMatch(/REDACTED/);
    expect(await db.notification.count({ where: { href: `/approvals?id=${by.pending!.id}`, user: { email: { in: ['operator@acme.example', 'operator2@acme.example'] } } } })).toBe(2);
  });

  it('gives globex a denied record deletion, seeds operator2 for acme, and is idempotent', async () => {
    const db = await getDb();
    expect((await seeded('globex')).map((r) => [r.tool.slug, r.status])).toEqual([['record_delete', 'denied']]);
    const op2 = await db.user.findUniqueOrThrow({ where: { email: 'operator2@acme.example' }, include: { tenant: true } });
    expect([op2.roles, op2.tenant?.slug, await verify(op2.passwordHash!, DEMO_PASSWORD)]).toEqual([['operator'], 'acme', true]);
    const acme = await db.tenant.findUniqueOrThrow({ where: { slug: 'acme' } });
    const refund = await db.tool.findUniqueOrThrow({ where: { slug: 'payment_refund' } });
    const rule = await db.tenantToolPolicy.findUniqueOrThrow({ where: { tenantId_toolId: { tenantId: acme.id, toolId: refund.id } } });
    expect([rule.approvalMode, rule.approvalCondition]).toEqual(['conditional', { field: 'amount', op: 'gt', value: 500 }]);

    // Other test files write meanwhile: count only what the seed writes.
    const tokens = { name: { in: ['acme-finance-agent', 'globex-support-agent'] } };
    const count = () => Promise.all([
      db.approvalRequest.count({ where: { token: tokens } }), db.auditEvent.count({ where: { via: 'seed' } }), db.agentToken.count({ where: tokens }),
      db.notification.count({ where: { kind: 'approval.pending', title: { startsWith: 'payment_refund' }, body: { startsWith: 'acme-finance-agent' } } }),
      db.user.count({ where: { email: 'operator2@acme.example' } }),
    ]);
    const before = await count();
    expect(before.slice(2)).toEqual([2, 2, 1]);
    await seedDemo(db);
    expect(await count()).toEqual(before);
  });
});
