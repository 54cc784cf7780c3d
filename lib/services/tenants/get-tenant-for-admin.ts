import 'server-only';
// One tenant as its administrators see it: identity, state, default limits, teams with their sizes, SSO settings.
// A tenant admin asking for another tenant gets null, as for an unknown id.
import { can, type Actor } from '@/lib/policy';
import { getDb } from '@/lib/server/db/client';

export async function getTenantForAdmin({ actor, tenantId }: { actor: Actor; tenantId: string }) {
  if (!can(actor, 'user.manage', { tenantId })) return null;
  const db = await getDb();
  const t = await db.tenant.findUnique({
    where: { id: tenantId },
    select: {
      id: true, slug: true, name: true, suspendedAt: true, ssoDomains: true, createdAt: true,
      policy: { select: { defaultRequestsPerMinute: true, defaultCallsPerDay: true } },
      teams: { orderBy: { name: 'asc' }, select: { id: true, slug: true, name: true, _count: { select: { members: true, tokens: { where: { revokedAt: null } } } } } },
      ssoGroupMappings: { orderBy: { group: 'asc' }, select: { id: true, group: true, role: true, teamId: true } },
    },
  });
  if (!t) return null;
  return {
    id: t.id, slug: t.slug, name: t.name, suspendedAt: t.suspendedAt, ssoDomains: t.ssoDomains ?? [], createdAt: t.createdAt,
    limits: { defaultRequestsPerMinute: t.policy?.defaultRequestsPerMinute ?? 120, defaultCallsPerDay: t.policy?.defaultCallsPerDay ?? 10_000 },
    teams: t.teams.map((x) => ({ id: x.id, slug: x.slug, name: x.name, members: x._count.members, activeTokens: x._count.tokens })),
    ssoMappings: t.ssoGroupMappings,
  };
}
export type TenantForAdmin = NonNullable<Awaited<ReturnType<typeof getTenantForAdmin>>>;
