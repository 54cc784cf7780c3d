import 'server-only';
// An operator approves or denies a held call. The approval row is locked for the decision, so concurrent decisions
// (double clicks, two operators, two replicas) are serialised: one decides, the others get a conflict that says why.
// Two-person rule: an approval needs `approvalsRequired` different operators. Nobody approves a call made by a token
// that acts for them or that they created. Expired means denied. Execution is not started here: see
// mcp-server/approvals/decide-and-run.ts, which every entry point calls.
import { AppError } from '@/lib/errors';
import { assertCan, tenantScope, type Actor } from '@/lib/policy';
import type { ApprovalView, TApprovalDecisionInput } from '@/lib/schemas/approvals';
import { writeAudit } from '@/lib/server/audit';
import { countApprovalEvent } from '@/lib/server/metrics';
import { getDb } from '@/lib/server/db/client';
import { createNotifications } from '@/lib/services/notifications/create-notifications';
import { approvalSelect, cannotDecideReason, expireDue, principalNames, tenantOperators, toApprovalView } from './shared';

export async function decideApproval({ actor, id, ...input }: { actor: Actor; id: string } & TApprovalDecisionInput): Promise<ApprovalView> {
  assertCan(actor, 'approval.decide');
  const db = await getDb();
  const where = { id, ...tenantScope(actor) };
  await expireDue(db, where);
  const outcome = await db.$transaction(async (tx) => {
    const found = await tx.approvalRequest.findFirst({ where, select: { id: true } });
    if (!found) throw new AppError('NOT_FOUND', { userMessage: 'No such approval.' });
    await tx.$queryRaw`SELECT id FROM "ApprovalRequest" WHERE id = ${id} FOR UPDATE`;
    const row = await tx.approvalRequest.findUniqueOrThrow({ where: { id }, select: approvalSelect });
    const why = cannotDecideReason(actor, row);
    if (why) return { conflict: why, forbidden: row.status === 'pending' && row.expiresAt > new Date() };
    const now = new Date();
    await tx.approvalDecision.create({ data: { approvalId: id, operatorId: actor.id, approve: input.decision === 'approve', reason: input.reason } });
    const given = row.decisions.filter((d) => d.approve).length + (input.decision === 'approve' ? 1 : 0);
    const final = input.decision === 'deny' ? 'denied' : given >= row.approvalsRequired ? 'approved' : null;
    if (final) {
      await tx.approvalRequest.update({ where: { id }, data: { status: final, decidedAt: now, ...(final === 'denied' ? { statusReason: input.reason } : {}) } });
      countApprovalEvent(row.tenant.slug, row.tool.slug, final);
    } else {
      await tx.approvalRequest.update({ where: { id }, data: { updatedAt: now } });
    }
    await writeAudit(tx, actor, {
      requestId: row.requestId, traceId: row.traceId, tenantId: row.tenantId, action: input.decision === 'deny' ? 'approval.denied' : final ? 'approval.approved' : 'approval.approval_recorded',
      resourceType: 'approval', resourceId: id, toolSlug: row.tool.slug, toolVersion: row.toolVersion, outcome: 'success',
      details: { approvalId: id, correlationId: row.requestId, decision: input.decision, reason: input.reason, approvalsGiven: given, approvalsRequired: row.approvalsRequired },
    });
    if (!final) {
      // The two-person rule: tell the other operators a second approval is needed.
      const others = await tenantOperators(tx, row.tenantId);
      await createNotifications(tx, others.map((o) => o.id), { kind: 'approval.second_needed', title: `${row.tool.slug}: a second approval is needed`, body: `${actor.label} approved; the two-person rule needs another operator.`, href: () => `/approvals?id=${id}` }, actor.id);
    }
    return { conflict: null, forbidden: false };
  });
  if (outcome.conflict) throw new AppError(outcome.forbidden ? 'FORBIDDEN' : 'CONFLICT', { userMessage: outcome.conflict });
  const row = await db.approvalRequest.findUniqueOrThrow({ where: { id }, select: approvalSelect });
  const names = await principalNames(db, [row]);
  return toApprovalView(actor, row, { actsFor: names(row) });
}
