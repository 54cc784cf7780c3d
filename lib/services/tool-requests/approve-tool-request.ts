import 'server-only';
// A reviewer approves. Four-eyes: never the requester; high and critical risk need approvals from two different
// reviewers in the same round. The row is locked while the state is checked, so concurrent approvals are
// serialised: the request is approved exactly once and a late reviewer gets "This request is no longer in review."
import { AppError } from '@/lib/errors';
import { assertCan, type Actor } from '@/lib/policy';
import type { TReviewChecklist } from '@/lib/schemas/tool-request';
import { getDb } from '@/lib/server/db/client';
import { guardedTransition, loadRequestOrThrow, lockInState, recordChange } from './shared';

export async function approveToolRequest({ actor, id, reason, checklist }: { actor: Actor; id: string; reason?: string; checklist: TReviewChecklist }) {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const req = await loadRequestOrThrow(tx, actor, id);
    assertCan(actor, 'tool_request.review', req);
    await lockInState(tx, req, 'approve');
    const key = { requestId_reviewerId_round: { requestId: id, reviewerId: actor.id, round: req.round } };
    if (await tx.reviewDecision.findUnique({ where: key })) {
      throw new AppError('CONFLICT', { userMessage: 'You already decided on this round; a second, different reviewer must approve.' });
    }
    await tx.reviewDecision.create({ data: { requestId: id, reviewerId: actor.id, round: req.round, outcome: 'approve', reason: reason || null, checklist } });
    const approvals = await tx.reviewDecision.count({ where: { requestId: id, round: req.round, outcome: 'approve' } });
    if (approvals < req.requiredApprovals) {
      await recordChange(tx, actor, req, {
        type: 'approval_recorded', comment: reason || null, data: { approvals, required: req.requiredApprovals, checklist },
        notify: { title: `Approval ${approvals} of ${req.requiredApprovals}: ${req.title}`, body: 'A second, different reviewer must approve this high-risk request.' },
      });
      return { id, status: 'in_review' as const, approvals, requiredApprovals: req.requiredApprovals };
    }
    const to = await guardedTransition(tx, req, 'approve', { decidedAt: new Date() });
    await recordChange(tx, actor, req, {
      type: 'approved', from: 'in_review', to, comment: reason || null, data: { approvals, required: req.requiredApprovals, checklist },
      notify: { title: `Approved: ${req.title}`, body: 'The request is approved and can be published to the catalogue.' },
    });
    return { id, status: to, approvals, requiredApprovals: req.requiredApprovals };
  });
}
