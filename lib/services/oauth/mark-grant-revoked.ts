import 'server-only';
// Ends the connection of a grant the authorization server revoked itself (a refresh token used twice, a client's
// RFC 7009 revocation): its backing token stops at once on every replica (within the /mcp cache period), audited.
import type { Actor } from '@/lib/policy';
import { writeAudit } from '@/lib/server/audit';
import { getDb } from '@/lib/server/db/client';
import { newRequestId } from '@/lib/server/ids';

const SYSTEM: Actor = { kind: 'system', id: 'oauth', label: 'authorization server', tenantId: null, teamIds: [], roles: [], via: 'api', ip: null };

export async function markGrantRevoked({ grantId, reason }: { grantId: string; reason: string }): Promise<boolean> {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const conn = await tx.oAuthConnection.findUnique({ where: { grantId }, select: { id: true, tenantId: true, agentTokenId: true, clientName: true, userId: true } });
    if (!conn) return false;
    const now = new Date();
    const res = await tx.oAuthConnection.updateMany({ where: { id: conn.id, revokedAt: null }, data: { revokedAt: now } });
    if (res.count !== 1) return false;
    await tx.agentToken.updateMany({ where: { id: conn.agentTokenId, revokedAt: null }, data: { revokedAt: now } });
    await tx.oAuthRecord.deleteMany({ where: { grantId } });
    await writeAudit(tx, { ...SYSTEM, tenantId: conn.tenantId }, {
      requestId: newRequestId(), tenantId: conn.tenantId, action: 'oauth_connection.revoked', resourceType: 'oauth_connection', resourceId: conn.id,
      details: { clientName: conn.clientName, userId: conn.userId, reason }, resourcesTouched: [`oauth_connection:${conn.id}`, `agent_token:${conn.agentTokenId}`],
    });
    return true;
  });
}
