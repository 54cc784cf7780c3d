import 'server-only';
// published → deprecated: the tool stays in the catalogue as deprecated (no new activations).
import { assertCan, type Actor } from '@/lib/policy';
import { getDb } from '@/lib/server/db/client';
import { guardedTransition, loadRequestOrThrow, recordChange } from './shared';

export async function deprecateToolRequest({ actor, id, reason }: { actor: Actor; id: string; reason: string }) {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const req = await loadRequestOrThrow(tx, actor, id);
    assertCan(actor, 'tool_request.deprecate', req);
    const to = await guardedTransition(tx, req, 'deprecate');
    if (req.toolId) await tx.tool.update({ where: { id: req.toolId }, data: { lifecycle: 'deprecated' } });
    await recordChange(tx, actor, req, { type: 'deprecated', from: req.status, to, comment: reason, notify: { title: `Deprecated: ${req.title}`, body: reason } });
    return { id, status: to };
  });
}
