import 'server-only';
// A comment on the timeline, by the requester or a reviewer; everyone involved is notified.
import { AppError } from '@/lib/errors';
import { assertCan, can, type Actor } from '@/lib/policy';
import { getDb } from '@/lib/server/db/client';
import { loadRequestOrThrow, recordChange } from './shared';

export async function commentOnToolRequest({ actor, id, comment }: { actor: Actor; id: string; comment: string }) {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const req = await loadRequestOrThrow(tx, actor, id);
    assertCan(actor, 'tool_request.read', req);
    const isParty = req.requesterId === actor.id || can(actor, 'tool_request.review', req) || actor.roles.includes('platform_admin');
    if (!isParty) throw new AppError('FORBIDDEN', { userMessage: 'Only the requester and the reviewers comment on a request.' });
    await recordChange(tx, actor, req, { type: 'commented', comment, notify: { title: `New comment on ${req.title}`, body: comment.slice(0, 200) } });
    return { id };
  });
}
