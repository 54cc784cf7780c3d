import 'server-only';
// "Reveal": an operator sees a held call's full arguments (the inbox shows them PII-redacted). Audited.
import { AppError } from '@/lib/errors';
import { assertCan, tenantScope, type Actor } from '@/lib/policy';
import { writeAudit } from '@/lib/server/audit';
import { getDb } from '@/lib/server/db/client';
import { openArguments } from './approval-arguments';

export async function revealApprovalArguments({ actor, id }: { actor: Actor; id: string }): Promise<Record<string, unknown>> {
  assertCan(actor, 'approval.reveal');
  const db = await getDb();
  const row = await db.approvalRequest.findFirst({ where: { id, ...tenantScope(actor) }, select: { id: true, tenantId: true, requestId: true, traceId: true, argumentsEnc: true, argumentsHash: true, tool: { select: { slug: true } } } });
  if (!row) throw new AppError('NOT_FOUND', { userMessage: 'No such approval.' });
  assertCan(actor, 'approval.reveal', { tenantId: row.tenantId });
  const args = openArguments(row.argumentsEnc, row.argumentsHash);
  if (!args) throw new AppError('INVALID_STATE', { userMessage: 'The stored arguments cannot be read back intact; this call cannot run.' });
  await writeAudit(db, actor, {
    requestId: row.requestId, traceId: row.traceId, tenantId: row.tenantId, action: 'approval.arguments_revealed', resourceType: 'approval', resourceId: row.id,
    toolSlug: row.tool.slug, details: { approvalId: row.id, correlationId: row.requestId },
  });
  return args;
}
