import 'server-only';
// Connected apps: a user's own connections (every role), or a tenant's (tenant admins, platform staff), with the
// backing token's last use; search by client or user, filter by status, paginated.
import { assertCan, type Actor } from '@/lib/policy';
import { ZListOAuthConnectionsInput, type TListOAuthConnectionsInput, type TOAuthConnectionDto } from '@/lib/schemas/oauth';
import type { Prisma } from '@/lib/generated/prisma/client';
import { parseInput } from '@/lib/server/boundary';
import { getDb } from '@/lib/server/db/client';

export async function listOAuthConnections({ actor, tenantId, ...raw }: TListOAuthConnectionsInput & { actor: Actor; tenantId?: string }): Promise<{ items: TOAuthConnectionDto[]; total: number; page: number; pageSize: number }> {
  const input = parseInput(ZListOAuthConnectionsInput, raw);
  let where: Prisma.OAuthConnectionWhereInput;
  if (tenantId) {
    assertCan(actor, 'oauth_connection.read', { tenantId });
    where = { tenantId };
  } else {
    assertCan(actor, 'oauth_connection.read_own');
    where = { userId: actor.id };
  }
  if (input.status === 'active') where.revokedAt = null;
  if (input.status === 'revoked') where.revokedAt = { not: null };
  const db = await getDb();
  if (input.q) {
    const users = tenantId ? await db.user.findMany({ where: { tenantId, email: { contains: input.q, mode: 'insensitive' } }, select: { id: true }, take: 500 }) : [];
    where.OR = [{ clientName: { contains: input.q, mode: 'insensitive' } }, { clientId: { contains: input.q, mode: 'insensitive' } }, ...(users.length ? [{ userId: { in: users.map((u) => u.id) } }] : [])];
  }
  const [rows, total] = await Promise.all([
    db.oAuthConnection.findMany({
      where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], skip: (input.page - 1) * input.pageSize, take: input.pageSize,
      select: { id: true, clientId: true, clientName: true, userId: true, scopes: true, createdAt: true, revokedAt: true, agentToken: { select: { lastUsedAt: true } } },
    }),
    db.oAuthConnection.count({ where }),
  ]);
  const users = await db.user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.userId))] } }, select: { id: true, name: true, email: true } });
  const items = rows.map((r) => ({
    id: r.id, clientId: r.clientId, clientName: r.clientName,
    user: users.find((u) => u.id === r.userId) ?? { id: r.userId, name: 'Deleted user', email: '' },
    tools: r.scopes.length ? r.scopes : ('all' as const),
    createdAt: r.createdAt.toISOString(), lastUsedAt: r.agentToken.lastUsedAt?.toISOString() ?? null, revokedAt: r.revokedAt?.toISOString() ?? null,
  }));
  return { items, total, page: input.page, pageSize: input.pageSize };
}
