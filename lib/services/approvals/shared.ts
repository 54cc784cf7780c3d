import 'server-only';
// What every approval service shares: the row shape, its view for a given actor, and expiry on read.
// Expiry needs no background job: whoever reads or decides a pending approval past its expiry marks it expired
// (a guarded update, so the mark and its audit event happen once).
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { can, type Actor } from '@/lib/policy';
import { ZToolCallResult, type ApprovalView, type TApprovalStatus } from '@/lib/schemas/approvals';
import { writeAudit } from '@/lib/server/audit';
import { countApprovalEvent } from '@/lib/server/metrics';

export type Db = PrismaClient | Prisma.TransactionClient;

export const SYSTEM_EXPIRY_ACTOR: Actor = { kind: 'system', id: 'approvals', label: 'approval expiry', tenantId: null, teamIds: [], roles: [], via: 'api', ip: null };

export const approvalSelect = {
  id: true, tenantId: true, toolId: true, toolVersion: true, tokenId: true, userId: true, teamId: true, requestId: true, traceId: true,
  argumentsRedacted: true, reason: true, status: true, statusReason: true, approvalsRequired: true, expiresAt: true,
  decidedAt: true, executionStartedAt: true, executedAt: true, result: true, createdAt: true, asTask: true, taskTtlMs: true, updatedAt: true,
  tenant: { select: { slug: true, name: true } },
  tool: { select: { slug: true, title: true, riskLevel: true, critical: true, timeoutMs: true } },
  token: { select: { id: true, name: true, userId: true, createdById: true } },
  decisions: { select: { approve: true, reason: true, createdAt: true, operatorId: true, operator: { select: { name: true } } }, orderBy: { createdAt: 'asc' as const } },
} satisfies Prisma.ApprovalRequestSelect;

export type ApprovalRow = Prisma.ApprovalRequestGetPayload<{ select: typeof approvalSelect }>;

/** An external effect still "executing" this long after it started has not reported back: its outcome is unknown. */
export function outcomeUnknown(row: Pick<ApprovalRow, 'status' | 'executionStartedAt' | 'tool'>, now = new Date()): boolean {
  return row.status === 'executing' && !!row.executionStartedAt && now.getTime() - row.executionStartedAt.getTime() > row.tool.timeoutMs + 30_000;
}

export function policyResource(row: Pick<ApprovalRow, 'tenantId' | 'token' | 'userId'>) {
  return { tenantId: row.tenantId, actsForUserId: row.token?.userId ?? row.userId, tokenCreatorId: row.token?.createdById ?? null };
}

/** Why this actor cannot decide this approval now, or null when they can. */
export function cannotDecideReason(actor: Actor, row: ApprovalRow, now = new Date()): string | null {
  if (row.status !== 'pending') return `This call is ${row.status}: it can no longer be decided.`;
  if (row.expiresAt <= now) return 'This call expired before anyone decided: it was refused.';
  if (!can(actor, 'approval.decide')) return 'Your role can read approvals but not decide them.';
  const res = policyResource(row);
  if (res.actsForUserId === actor.id) return 'The agent token acts for you: another operator must decide.';
  if (res.tokenCreatorId === actor.id) return 'You created the agent token that made this call: another operator must decide.';
  if (!can(actor, 'approval.decide', res)) return 'This call belongs to another tenant.';
  if (row.decisions.some((d) => d.operatorId === actor.id)) return 'You already approved this call: the two-person rule needs a different operator.';
  return null;
}

export function toApprovalView(actor: Actor, row: ApprovalRow, extra: { actsFor: { user: string | null; team: string | null } }, now = new Date()): ApprovalView {
  const why = cannotDecideReason(actor, row, now);
  const result = ZToolCallResult.safeParse(row.result);
  const decided = row.decidedAt ?? (row.status === 'expired' ? row.expiresAt : null);
  return {
    id: row.id,
    tenant: row.tenant,
    tool: { slug: row.tool.slug, title: row.tool.title, riskLevel: row.tool.riskLevel, critical: row.tool.critical },
    toolVersion: row.toolVersion,
    status: row.status as TApprovalStatus,
    outcomeUnknown: outcomeUnknown(row, now),
    statusReason: row.statusReason,
    rule: row.reason,
    arguments: row.argumentsRedacted,
    approvalsRequired: row.approvalsRequired,
    approvalsGiven: row.decisions.filter((d) => d.approve).length,
    votes: row.decisions.map((d) => ({ operator: d.operator.name, approve: d.approve, reason: d.reason, at: d.createdAt.toISOString() })),
    token: row.token ? { id: row.token.id, name: row.token.name } : null,
    actsFor: extra.actsFor,
    correlationId: row.requestId,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
    executedAt: row.executedAt?.toISOString() ?? null,
    result: result.success ? result.data : null,
    decisionLatencyMs: decided ? decided.getTime() - row.createdAt.getTime() : null,
    canDecide: why === null,
    cannotDecideReason: why,
  };
}

/** Names of the users and teams the approvals' tokens act for (one query each). */
export async function principalNames(db: Db, rows: Pick<ApprovalRow, 'userId' | 'teamId'>[]): Promise<(r: Pick<ApprovalRow, 'userId' | 'teamId'>) => { user: string | null; team: string | null }> {
  const userIds = [...new Set(rows.map((r) => r.userId).filter((x): x is string => !!x))];
  const teamIds = [...new Set(rows.map((r) => r.teamId).filter((x): x is string => !!x))];
  const [users, teams] = await Promise.all([
    userIds.length ? db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, email: true } }) : [],
    teamIds.length ? db.team.findMany({ where: { id: { in: teamIds } }, select: { id: true, name: true } }) : [],
  ]);
  const u = new Map(users.map((x) => [x.id, `${x.name} <${x.email}>`]));
  const t = new Map(teams.map((x) => [x.id, x.name]));
  return (r) => ({ user: r.userId ? (u.get(r.userId) ?? null) : null, team: r.teamId ? (t.get(r.teamId) ?? null) : null });
}

/**
 * Marks pending approvals past their expiry as expired (each once: guarded by status), with an audit event each.
 * `where` narrows which approvals to look at (one id, one tenant, or all).
 */
export async function expireDue(db: PrismaClient, where: Prisma.ApprovalRequestWhereInput = {}, now = new Date()): Promise<number> {
  const due = await db.approvalRequest.findMany({ where: { ...where, status: 'pending', expiresAt: { lte: now } }, select: { id: true, tenantId: true, requestId: true, traceId: true, expiresAt: true, tool: { select: { slug: true } }, tenant: { select: { slug: true } } }, take: 500 });
  let n = 0;
  for (const a of due) {
    const done = await db.$transaction(async (tx) => {
      const r = await tx.approvalRequest.updateMany({ where: { id: a.id, status: 'pending' }, data: { status: 'expired', statusReason: 'Nobody decided before the approval expired, so the call was refused.' } });
      if (r.count !== 1) return false;
      await writeAudit(tx, SYSTEM_EXPIRY_ACTOR, {
        requestId: a.requestId, traceId: a.traceId, tenantId: a.tenantId, action: 'approval.expired', resourceType: 'approval', resourceId: a.id, toolSlug: a.tool.slug,
        outcome: 'denied', errorCode: 'APPROVAL_EXPIRED', details: { approvalId: a.id, correlationId: a.requestId, expiredAt: a.expiresAt.toISOString() },
      });
      return true;
    });
    if (done) {
      n++;
      countApprovalEvent(a.tenant.slug, a.tool.slug, 'expired');
    }
  }
  return n;
}

/** Active operators of a tenant (the people a held call is announced to). */
export async function tenantOperators(db: Db, tenantId: string): Promise<{ id: string; email: string; name: string }[]> {
  return db.user.findMany({ where: { tenantId, roles: { has: 'operator' }, disabled: false }, select: { id: true, email: true, name: true } });
}
