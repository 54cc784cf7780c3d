import 'server-only';
// A tenant's agent tokens, newest first (never the hash).
import { assertCan, type Actor } from '@/lib/policy';
import type { TAgentTokenDto } from '@/lib/schemas/agent-token';
import { getDb } from '@/lib/server/db/client';
import { AGENT_TOKEN_SELECT, toAgentTokenDto } from './agent-token-dto';

export async function listAgentTokens({ actor, tenantId }: { actor: Actor; tenantId: string }): Promise<TAgentTokenDto[]> {
  assertCan(actor, 'agent_token.read', { tenantId });
  const db = await getDb();
  const rows = await db.agentToken.findMany({ where: { tenantId, oauthConnection: null }, // OAuth connections are listed under Connected apps
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], select: AGENT_TOKEN_SELECT });
  const now = new Date();
  return rows.map((r) => toAgentTokenDto(r, now));
}
