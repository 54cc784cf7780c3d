import 'server-only';
// Removes a pre-registered client and ends its connections (their tokens stop on every replica within 2 s). Audited.
import { AppError } from '@/lib/errors';
import { assertCan, type Actor } from '@/lib/policy';
import { writeAudit } from '@/lib/server/audit';
import { getDb } from '@/lib/server/db/client';
import { newRequestId } from '@/lib/server/ids';
import { recordId } from '@/lib/server/oauth/adapter';

export async function deleteOAuthClient({ actor, clientId }: { actor: Actor; clientId: string }): Promise<{ connectionsRevoked: number }> {
  assertCan(actor, 'oauth_client.manage');
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const row = await tx.oAuthRecord.findUnique({ where: { kind_id: { kind: 'Client', id: recordId(clientId) } }, select: { payload: true } });
    if (!row || !(row.payload as { x_platform?: unknown }).x_platform) throw new AppError('NOT_FOUND', { userMessage: 'Client not found.' });
    const conns = await tx.oAuthConnection.findMany({ where: { clientId, revokedAt: null }, select: { id: true, grantId: true, agentTokenId: true } });
    const now = new Date();
    await tx.oAuthConnection.updateMany({ where: { id: { in: conns.map((c) => c.id) } }, data: { revokedAt: now } });
    await tx.agentToken.updateMany({ where: { id: { in: conns.map((c) => c.agentTokenId) }, revokedAt: null }, data: { revokedAt: now } });
    await tx.oAuthRecord.deleteMany({ where: { grantId: { in: conns.map((c) => c.grantId) } } });
    await tx.oAuthRecord.delete({ where: { kind_id: { kind: 'Client', id: recordId(clientId) } } });
    await writeAudit(tx, actor, {
      requestId: newRequestId(), tenantId: null, action: 'oauth_client.deleted', resourceType: 'oauth_client', resourceId: clientId,
      details: { connectionsRevoked: conns.length }, resourcesTouched: [`oauth_client:${clientId}`],
    });
    return { connectionsRevoked: conns.length };
  });
}
