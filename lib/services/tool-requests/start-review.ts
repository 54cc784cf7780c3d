import 'server-only';
// submitted → in_review: a security reviewer takes the request.
import { assertCan, type Actor } from '@/lib/policy';
import { getDb } from '@/lib/server/db/client';
import { guardedTransition, loadRequestOrThrow, recordChange } from './shared';

export async function startReview({ actor, id }: { actor: Actor; id: string }) {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const req = await loadRequestOrThrow(tx, actor, id);
    assertCan(actor, 'tool_request.review', req);
    const to = await guardedTransition(tx, req, 'start_review');
    await recordChange(tx, actor, req, { type: 'review_started', from: req.status, to, notify: { title: `Review started: ${req.title}`, body: `${actor.label} is reviewing the request.` } });
    return { id, status: to };
  });
}
