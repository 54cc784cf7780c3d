import 'server-only';
// Revokes a connected app: the user themselves, or an admin of the user's tenant. Its grant's codes and tokens are
// deleted and its backing token revoked in one transaction with the audit event; /mcp refuses its tokens on every
// replica within MCP_POLICY_CACHE_MS (at most 2 s). Another tenant's connection is answered like an unknown one.
import { AppError } from '@/lib/errors';
import { can, type Actor } from '@/lib/policy';
import { ZRevokeConnectionInput } from '@/lib/schemas/oauth';
import { writeAudit } from '@/lib/server/audit';
import { parseInput } from '@/lib/server/boundary';
import { getDb } from '@/lib/server/db/client';
import { newRequestId } from '@/lib/server/ids';

export async function revokeOAuthConnection({ actor, ...raw }: { actor: Actor; connectionId: string }): Promise<{ id: string; revokedAt: string }> {
  const { connectionId } = parseInput(ZRevokeConnectionInput, raw);
  const db = await getDb();
  const conn = await db.oAuthConnection.findUnique({ where: { id: connectionId }, select: { id: true, tenantId: true, userId: true, grantId: true, agentTokenId: true, clientId: true, clientName: true } });
  const allowed = conn && (conn.userId === actor.id ? can(actor, 'oauth_connection.read_own') : can(actor, 'oauth_connection.manage', { tenantId: conn.tenantId }));
  if (!conn || !allowed) throw new AppError('NOT_FOUND', { userMessage: 'Connection not found.' });
  const now = new Date();
  await db.$transaction(async (tx) => {
    const res = await tx.oAuthConnection.updateMany({ where: { id: conn.id, revokedAt: null }, data: { revokedAt: now } });
    if (res.count !== 1) throw new AppError('INVALID_STATE', { userMessage: 'This connection is already revoked.' });
    await tx.agentToken.updateMany({ where: { id: conn.agentTokenId, revokedAt: null }, data: { revokedAt: now } });
    await tx.oAuthRecord.deleteMany({ where: { grantId: conn.grantId } });
    await writeAudit(tx, actor, {
      requestId: newRequestId(), tenantId: conn.tenantId, action: 'oauth_connection.revoked', resourceType: 'oauth_connection', resourceId: conn.id,
      details: { clientId: conn.clientId, clientName: conn.clientName, userId: conn.userId }, resourcesTouched: [`oauth_connection:${conn.id}`, `agent_token:${conn.agentTokenId}`],
    });
  });
  return { id: conn.id, revokedAt: now.toISOString() };
}
