import 'server-only';
// The one shape an agent token leaves the server in: never the hash.
import type { Prisma } from '@/lib/generated/prisma/client';
import type { TAgentTokenDto } from '@/lib/schemas/agent-token';

export const AGENT_TOKEN_SELECT = {
  id: true, tenantId: true, name: true, prefix: true, scopes: true, requestsPerMinute: true, callsPerDay: true,
  expiresAt: true, revokedAt: true, lastUsedAt: true, createdAt: true,
  team: { select: { id: true, name: true } },
  user: { select: { id: true, email: true } },
  createdBy: { select: { email: true } },
} satisfies Prisma.AgentTokenSelect;

type Row = Prisma.AgentTokenGetPayload<{ select: typeof AGENT_TOKEN_SELECT }>;

export function toAgentTokenDto(r: Row, now = new Date()): TAgentTokenDto {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    id: r.id, tenantId: r.tenantId, name: r.name, prefix: r.prefix, team: r.team, user: r.user, scopes: r.scopes,
    requestsPerMinute: r.requestsPerMinute, callsPerDay: r.callsPerDay,
    expiresAt: iso(r.expiresAt), revokedAt: iso(r.revokedAt), lastUsedAt: iso(r.lastUsedAt), createdAt: r.createdAt.toISOString(),
    createdBy: r.createdBy?.email ?? null,
    status: r.revokedAt ? 'revoked' : r.expiresAt && r.expiresAt <= now ? 'expired' : 'active',
  };
}
