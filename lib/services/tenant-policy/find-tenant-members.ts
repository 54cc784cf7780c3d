import 'server-only';
// The teams and users of a tenant, for the pickers of the settings pages (agent tokens carry a team's or a user's rights).
import { assertCan, type Actor } from '@/lib/policy';
import { getDb } from '@/lib/server/db/client';

export async function findTenantMembers({ actor, tenantId }: { actor: Actor; tenantId: string }) {
  assertCan(actor, 'settings.read', { tenantId });
  const db = await getDb();
  const [teams, users, tools] = await Promise.all([
    db.team.findMany({ where: { tenantId }, orderBy: { name: 'asc' }, select: { id: true, name: true } }),
    db.user.findMany({ where: { tenantId, disabled: false }, orderBy: { email: 'asc' }, select: { id: true, email: true }, take: 1000 }),
    db.tool.findMany({ where: { lifecycle: { in: ['published', 'deprecated'] } }, orderBy: { slug: 'asc' }, select: { slug: true, title: true } }),
  ]);
  return { teams, users, tools };
}
