import 'server-only';
// Revokes a token: every replica refuses it (401) within 2 s (its /mcp read cache, MCP_POLICY_CACHE_MS: 1 s by
// default, at most 2 s).
import { AppError } from '@/lib/errors';
import { assertCan, type Actor } from '@/lib/policy';
import type { TAgentTokenDto, TRevokeAgentTokenInput } from '@/lib/schemas/agent-token';
import { writeAudit } from '@/lib/server/audit';
import { getDb } from '@/lib/server/db/client';
import { AGENT_TOKEN_SELECT, toAgentTokenDto } from './agent-token-dto';
import { newRequestId } from '@/lib/server/ids';

export async function revokeAgentToken({ actor, tenantId, tokenId }: TRevokeAgentTokenInput & { actor: Actor }): Promise<TAgentTokenDto> {
  assertCan(actor, 'agent_token.manage', { tenantId });
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const res = await tx.agentToken.updateMany({ where: { id: tokenId, tenantId, revokedAt: null }, data: { revokedAt: new Date() } });
    if (res.count !== 1) {
      const exists = await tx.agentToken.findFirst({ where: { id: tokenId, tenantId }, select: { id: true } });
      throw exists
        ? new AppError('INVALID_STATE', { userMessage: 'This token is already revoked.' })
        : new AppError('NOT_FOUND', { userMessage: 'Token not found.' });
    }
    // Scalars only inside the transaction (see create-agent-token.ts); the DTO is read once committed.
    const row = await tx.agentToken.findUniqueOrThrow({ where: { id: tokenId }, select: { name: true, prefix: true } });
    await writeAudit(tx, actor, {
      requestId: newRequestId(), tenantId, action: 'agent_token.revoked', resourceType: 'agent_token', resourceId: tokenId,
      details: { name: row.name, prefix: row.prefix }, resourcesTouched: [`agent_token:${tokenId}`],
    });
  });
  return toAgentTokenDto(await db.agentToken.findUniqueOrThrow({ where: { id: tokenId }, select: AGENT_TOKEN_SELECT }));
}
