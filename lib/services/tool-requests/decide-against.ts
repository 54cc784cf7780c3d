import 'server-only';
// Shared by "request changes" and "reject": a guarded transition from in_review with a required reason.
import { AppError } from '@/lib/errors';
import { assertCan, type Actor } from '@/lib/policy';
import type { TReviewChecklist } from '@/lib/schemas/tool-request';
import { getDb } from '@/lib/server/db/client';
import { guardedTransition, loadRequestOrThrow, recordChange } from './shared';

export async function decideAgainst(actor: Actor, id: string, action: 'request_changes' | 'reject', reason: string, checklist: TReviewChecklist | undefined) {
  if (reason.trim().length < 10) {
    throw new AppError('VALIDATION', { userMessage: 'A reason of at least 10 characters is required.', fieldErrors: { reason: ['A reason of at least 10 characters is required.'] } });
  }
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const req = await loadRequestOrThrow(tx, actor, id);
    assertCan(actor, 'tool_request.review', req);
    const to = await guardedTransition(tx, req, action, action === 'reject' ? { decidedAt: new Date() } : {});
    const outcome = action === 'reject' ? ('reject' as const) : ('changes_requested' as const);
    await tx.reviewDecision.upsert({
      where: { requestId_reviewerId_round: { requestId: id, reviewerId: actor.id, round: req.round } },
      create: { requestId: id, reviewerId: actor.id, round: req.round, outcome, reason, checklist: checklist ?? {} },
      update: { outcome, reason, checklist: checklist ?? {} },
    });
    await recordChange(tx, actor, req, {
      type: action === 'reject' ? 'rejected' : 'changes_requested', from: 'in_review', to, comment: reason, data: { checklist: checklist ?? null },
      notify: { title: `${action === 'reject' ? 'Rejected' : 'Changes requested'}: ${req.title}`, body: reason.slice(0, 300) },
    });
    return { id, status: to };
  });
}
