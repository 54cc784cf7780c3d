import 'server-only';
// Limits per agent token (requests per minute, calls per day across tools; null = none), tenant-scoped.
import { AppError } from '@/lib/errors';
import { assertCan, can, type Actor } from '@/lib/policy';
import type { TSetTokenLimitsInput } from '@/lib/schemas/activation';
import { writeAudit } from '@/lib/server/audit';
import { getDb } from '@/lib/server/db/client';
import { newRequestId } from '@/lib/server/ids';

export async function setTokenLimits({ actor, tokenId, requestsPerMinute, callsPerDay }: TSetTokenLimitsInput & { actor: Actor }) {
  assertCan(actor, 'agent_token.manage');
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const token = await tx.agentToken.findUnique({ where: { id: tokenId }, select: { id: true, tenantId: true, name: true, requestsPerMinute: true, callsPerDay: true } });
    // Another tenant's token is "not found", never "forbidden": its existence is not disclosed.
    if (!token || !can(actor, 'agent_token.manage', { tenantId: token.tenantId })) throw new AppError('NOT_FOUND', { userMessage: 'Agent token not found.' });
    const updated = await tx.agentToken.updateMany({ where: { id: token.id, revokedAt: null }, data: { requestsPerMinute, callsPerDay } });
    if (updated.count !== 1) throw new AppError('INVALID_STATE', { userMessage: 'This token is revoked.' });
    await writeAudit(tx, actor, {
      requestId: newRequestId(),
      tenantId: token.tenantId,
      action: 'agent_token.limits_updated',
      resourceType: 'agent_token',
      resourceId: token.id,
      details: { name: token.name, before: { requestsPerMinute: token.requestsPerMinute, callsPerDay: token.callsPerDay }, after: { requestsPerMinute, callsPerDay } },
    });
    return { id: token.id, requestsPerMinute, callsPerDay };
  });
}
