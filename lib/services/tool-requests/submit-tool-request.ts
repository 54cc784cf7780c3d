import 'server-only';
// draft → submitted. The stored request must be complete: precise field errors otherwise. The risk is
// recomputed from the stored fields so the score the reviewers see is the one of what was submitted.
import { AppError, fieldErrorsFromIssues } from '@/lib/errors';
import { assertCan, type Actor } from '@/lib/policy';
import { assessRisk } from '@/lib/risk';
import type { TRequestAction } from '@/lib/request-state';
import { ZToolRequestFields } from '@/lib/schemas/tool-request';
import { getDb } from '@/lib/server/db/client';
import { assertRequester, guardedTransition, loadRequestOrThrow, recordChange, type Tx } from './shared';

export async function submitInTx(tx: Tx, actor: Actor, id: string, action: Extract<TRequestAction, 'submit' | 'resubmit'>) {
  const req = await loadRequestOrThrow(tx, actor, id);
  assertCan(actor, 'tool_request.create', req);
  assertRequester(actor, req);
  const parsed = ZToolRequestFields.safeParse(req);
  if (!parsed.success) {
    const fieldErrors = fieldErrorsFromIssues(parsed.error.issues);
    const first = parsed.error.issues[0];
    throw new AppError('VALIDATION', { userMessage: `Complete the request before submitting it. ${first?.message ?? ''}`.trim(), fieldErrors });
  }
  const risk = assessRisk(parsed.data);
  const round = action === 'resubmit' ? req.round + 1 : req.round;
  const to = await guardedTransition(tx, req, action, {
    submittedAt: new Date(), riskScore: risk.score, riskLevel: risk.level, riskFactors: risk.factors, requiredApprovals: risk.requiredApprovals, round,
  });
  await recordChange(tx, actor, req, {
    type: action === 'resubmit' ? 'resubmitted' : 'submitted', from: req.status, to, data: { riskScore: risk.score, riskLevel: risk.level, round },
    notify: { title: `${action === 'resubmit' ? 'Resubmitted' : 'New request'}: ${req.title}`, body: `Risk ${risk.level} (${risk.score}); ${risk.requiredApprovals} approval(s) needed.` },
  });
  return { id, status: to, riskLevel: risk.level, riskScore: risk.score, round };
}

export async function submitToolRequest({ actor, id }: { actor: Actor; id: string }) {
  const db = await getDb();
  return db.$transaction((tx) => submitInTx(tx, actor, id, 'submit'));
}
