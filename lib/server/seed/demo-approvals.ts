// Held critical calls so the approvals inbox and its history look alive: for acme a pending refund above the
// two-person threshold, an executed refund (applied to the dataset), a denial and an expiry; for globex a denied
// record deletion. Each with sealed arguments, a redacted copy and the audit trail the live path writes, sharing the
// held call's request id (the correlation id). Seeded once per tenant (keyed on the seed's agent token): a pending
// one expires like any other on later starts.
import { requiredApprovals, isApprovalCondition } from '@/lib/activation';
import type { Prisma, PrismaClient, Tenant } from '@/lib/generated/prisma/client';
import { redactPii } from '@/lib/pii';
import { DEFAULT_APPROVAL_TTL_MINUTES } from '@/lib/schemas/approvals';
import { ZPiiRules } from '@/lib/schemas/tenant-policy';
import { generateAgentToken } from '@/lib/server/crypto';
import { newRequestId } from '@/lib/server/ids';
import { sealArguments } from '@/lib/services/approvals/approval-arguments';

const MIN = 60_000;
const DAY = 86_400_000;

/** `after`: ms from the call to the operator's decision; `reason`: the operator's words. */
type Outcome = { status: 'pending' } | { status: 'executed' | 'denied'; after: number; reason: string } | { status: 'expired' };

interface Plan {
  tool: 'payment_refund' | 'record_delete';
  args: Record<string, unknown>;
  /** When the agent made the call, in ms before now. */
  ago: number;
  outcome: Outcome;
}

/** The seed's agent token of a tenant (its secret is never known: only its hash is stored). */
async function seedToken(db: PrismaClient, tenant: Tenant, name: string, team: string) {
  const existing = await db.agentToken.findFirst({ where: { tenantId: tenant.id, name }, select: { id: true, name: true, teamId: true } });
  if (existing) return existing;
  const [teamRow, admin] = await Promise.all([
    db.team.findUniqueOrThrow({ where: { tenantId_slug: { tenantId: tenant.id, slug: team } }, select: { id: true } }),
    db.user.findUniqueOrThrow({ where: { email: `tenant-admin@${tenant.slug}.example` }, select: { id: true } }),
  ]);
  const g = generateAgentToken();
  return db.agentToken.create({
    data: { tenantId: tenant.id, teamId: teamRow.id, name, prefix: g.prefix, tokenHash: g.hash, scopes: [], createdById: admin.id, createdAt: new Date(Date.now() - 30 * DAY) },
    select: { id: true, name: true, teamId: true },
  });
}

async function acmePlans(db: PrismaClient): Promise<Plan[]> {
  const invoices = await db.$queryRawUnsafe<{ id: number; amount: number }[]>(`SELECT id, amount::float8 AS amount FROM "ds_acme".invoices WHERE status = 'paid' AND refunded = 0 ORDER BY amount DESC, id LIMIT 4`);
  if (invoices.length < 4) return [];
  const [big, large, mid, small] = invoices as [typeof invoices[0], typeof invoices[0], typeof invoices[0], typeof invoices[0]];
  return [
    { tool: 'payment_refund', args: { invoiceId: large.id, amount: Math.min(750, large.amount), reason: 'Duplicate charge reported by the customer (claire.martin@acme-customers.example)' }, ago: 3 * MIN, outcome: { status: 'pending' } },
    { tool: 'payment_refund', args: { invoiceId: small.id, amount: Math.min(89.9, small.amount), reason: 'Parcel arrived damaged; partial refund agreed with the customer' }, ago: 2 * DAY, outcome: { status: 'executed', after: 4 * MIN, reason: 'Checked the order and the photos of the parcel.' } },
    { tool: 'payment_refund', args: { invoiceId: big.id, amount: big.amount, reason: 'Customer asks for a full refund after the return window' }, ago: DAY, outcome: { status: 'denied', after: 7 * MIN, reason: 'Outside the 30-day return window; the customer was offered a voucher instead.' } },
    { tool: 'payment_refund', args: { invoiceId: mid.id, amount: 45, reason: 'Shipping fee refund after a late delivery' }, ago: 3 * DAY, outcome: { status: 'expired' } },
  ];
}

async function globexPlans(db: PrismaClient): Promise<Plan[]> {
  const [customer] = await db.$queryRawUnsafe<{ id: number }[]>(`SELECT id FROM "ds_globex".customers ORDER BY id LIMIT 1`);
  if (!customer) return [];
  return [{ tool: 'record_delete', args: { table: 'customers', id: customer.id, reason: 'Customer asked to be forgotten (GDPR erasure request)' }, ago: 4 * DAY, outcome: { status: 'denied', after: 12 * MIN, reason: 'Erasure requests go through the DPO workflow, not an agent: forwarded to privacy@globex.example.' } }];
}

export async function seedApprovals(db: PrismaClient, tenants: Tenant[]): Promise<void> {
  const setups = { acme: { token: 'acme-finance-agent', team: 'finance', plans: acmePlans }, globex: { token: 'globex-support-agent', team: 'support', plans: globexPlans } } as const;
  for (const t of tenants) {
    const setup = setups[t.slug as keyof typeof setups];
    if (!setup) continue;
    const token = await seedToken(db, t, setup.token, setup.team);
    if ((await db.approvalRequest.count({ where: { tokenId: token.id } })) > 0) continue;
    const operator = await db.user.findUniqueOrThrow({ where: { email: `operator@${t.slug}.example` }, select: { id: true, email: true } });
    const operators = await db.user.findMany({ where: { tenantId: t.id, roles: { has: 'operator' } }, select: { id: true } });
    const policy = await db.tenantPolicy.findUnique({ where: { tenantId: t.id }, select: { piiRules: true } });
    const rules = ZPiiRules.safeParse(policy?.piiRules ?? {});
    for (const plan of await setup.plans(db)) {
      const tool = await db.tool.findUniqueOrThrow({ where: { slug: plan.tool }, select: { id: true, slug: true, servedVersion: true, critical: true } });
      const rule = await db.tenantToolPolicy.findUnique({ where: { tenantId_toolId: { tenantId: t.id, toolId: tool.id } } });
      const approval = { mode: rule?.approvalMode ?? 'never', condition: isApprovalCondition(rule?.approvalCondition) ? rule.approvalCondition : null, approvalsRequired: rule?.approvalsRequired ?? 1, critical: tool.critical };
      await db.$transaction((tx) => seedOne(tx, {
        tenant: t, token, operator, operatorIds: operators.map((o) => o.id), tool, plan,
        redacted: redactPii(plan.args, rules.success ? rules.data : ZPiiRules.parse({})).value,
        approvalsRequired: requiredApprovals(approval, plan.args), ttlMinutes: rule?.approvalTtlMinutes ?? DEFAULT_APPROVAL_TTL_MINUTES,
      }));
    }
  }
}

interface SeedInput {
  tenant: Tenant;
  token: { id: string; name: string; teamId: string | null };
  operator: { id: string; email: string };
  operatorIds: string[];
  tool: { id: string; slug: string; servedVersion: number };
  plan: Plan;
  redacted: unknown;
  approvalsRequired: number;
  ttlMinutes: number;
}

async function seedOne(tx: Prisma.TransactionClient, s: SeedInput): Promise<void> {
  const { tenant, token, operator, tool, plan } = s;
  const requestId = newRequestId();
  const createdAt = new Date(Date.now() - plan.ago);
  const at = (ms: number) => new Date(createdAt.getTime() + ms);
  const expiresAt = plan.outcome.status === 'pending' ? new Date(Date.now() + 12 * MIN) : at(s.ttlMinutes * MIN);
  const decidedAt = 'after' in plan.outcome ? at(plan.outcome.after) : null;
  const executedAt = plan.outcome.status === 'executed' ? at(plan.outcome.after + 420) : null;
  const sealed = sealArguments(plan.args);
  const output = plan.outcome.status === 'executed' ? await applyRefund(tx, tenant.slug, plan.args) : null;
  const rule = s.approvalsRequired > 1 ? `${tool.slug} is a critical tool (two-person rule above the tenant condition)` : `${tool.slug} is a critical tool`;
  const row = await tx.approvalRequest.create({
    data: {
      tenantId: tenant.id, toolId: tool.id, toolVersion: tool.servedVersion, tokenId: token.id, teamId: token.teamId, requestId,
      argumentsEnc: sealed.enc, argumentsHash: sealed.hash, argumentsRedacted: s.redacted as Prisma.InputJsonValue, reason: rule,
      status: plan.outcome.status, approvalsRequired: s.approvalsRequired, expiresAt, decidedAt, createdAt, updatedAt: executedAt ?? decidedAt ?? createdAt,
      statusReason: plan.outcome.status === 'denied' ? plan.outcome.reason : plan.outcome.status === 'expired' ? 'Nobody decided before the approval expired, so the call was refused.' : null,
      executionStartedAt: decidedAt && executedAt ? new Date(decidedAt.getTime() + 5) : null, executedAt,
      result: output ? { isError: false, content: [{ type: 'text', text: JSON.stringify(output) }], structuredContent: output } : undefined,
    },
    select: { id: true },
  });
  const agent = { actorKind: 'agent', actorId: token.id, actorLabel: `token:${token.name}`, via: 'seed', tenantId: tenant.id, requestId, toolSlug: tool.slug, toolVersion: tool.servedVersion };
  const link = { approvalId: row.id, correlationId: requestId };
  const events: Prisma.AuditEventCreateManyInput[] = [{
    ...agent, action: 'tool.called', resourceType: 'tool', resourceId: tool.slug, outcome: 'pending_approval', errorCode: 'APPROVAL_REQUIRED',
    latencyMs: 9, inputBytes: JSON.stringify(plan.args).length, details: { approvalId: row.id, approvalsRequired: s.approvalsRequired, arguments: s.redacted as Prisma.InputJsonValue }, createdAt,
  }];
  if (plan.outcome.status === 'executed' || plan.outcome.status === 'denied') {
    const approve = plan.outcome.status === 'executed';
    const reason = plan.outcome.reason;
    await tx.approvalDecision.create({ data: { approvalId: row.id, operatorId: operator.id, approve, reason, createdAt: decidedAt! } });
    events.push({
      requestId, tenantId: tenant.id, actorKind: 'user', actorId: operator.id, actorLabel: operator.email, via: 'seed', action: approve ? 'approval.approved' : 'approval.denied',
      resourceType: 'approval', resourceId: row.id, toolSlug: tool.slug, toolVersion: tool.servedVersion, outcome: 'success',
      details: { ...link, decision: approve ? 'approve' : 'deny', reason, approvalsGiven: approve ? 1 : 0, approvalsRequired: s.approvalsRequired }, createdAt: decidedAt!,
    });
  }
  if (plan.outcome.status === 'expired') {
    events.push({
      requestId, tenantId: tenant.id, actorKind: 'system', actorId: 'approvals', actorLabel: 'approval expiry', via: 'seed', action: 'approval.expired',
      resourceType: 'approval', resourceId: row.id, toolSlug: tool.slug, outcome: 'denied', errorCode: 'APPROVAL_EXPIRED',
      details: { ...link, expiredAt: expiresAt.toISOString() }, createdAt: expiresAt,
    });
  }
  if (output && executedAt) {
    events.push({
      ...agent, action: 'tool.called', resourceType: 'tool', resourceId: tool.slug, outcome: 'success', latencyMs: 38, costMicros: 114,
      outputBytes: JSON.stringify(output).length, resourcesTouched: [`ds_${tenant.slug}.invoices:${output.invoiceId}`],
      details: { ...link, arguments: s.redacted as Prisma.InputJsonValue, redactions: {} }, createdAt: executedAt,
    });
  }
  await tx.auditEvent.createMany({ data: events });
  if (plan.outcome.status === 'pending') {
    await tx.notification.createMany({
      data: s.operatorIds.map((userId) => ({ userId, kind: 'approval.pending', title: `${tool.slug} call awaits your approval`, body: `${token.name} asked to run ${tool.slug}; it expires at ${expiresAt.toISOString().slice(11, 16)} UTC.`, href: `/approvals?id=${row.id}`, createdAt })),
    });
  }
}

/** The executed refund really happened: the invoice shows it (as the tool would have left it). */
async function applyRefund(tx: Prisma.TransactionClient, slug: string, args: Record<string, unknown>) {
  const s = `"ds_${slug}"`;
  const [inv] = await tx.$queryRawUnsafe<{ amount: number; refunded: number }[]>(`SELECT amount::float8 AS amount, refunded::float8 AS refunded FROM ${s}.invoices WHERE id = $1 FOR UPDATE`, args.invoiceId);
  if (!inv) throw new Error(`Seed: invoice ${String(args.invoiceId)} is missing from ${s}.`);
  const total = Math.round((inv.refunded + Number(args.amount)) * 100) / 100;
  const status = total >= inv.amount ? 'refunded' : 'partially_refunded';
  await tx.$executeRawUnsafe(`UPDATE ${s}.invoices SET refunded = $2::numeric, status = $3 WHERE id = $1`, args.invoiceId, total.toFixed(2), status);
  return { invoiceId: Number(args.invoiceId), refunded: Number(args.amount), totalRefunded: total, status };
}
