import 'server-only';
// Platform administration: tenants with their sizes, and the people who use the platform (never password hashes).
import { assertCan, type Actor } from '@/lib/policy';
import { getDb } from '@/lib/server/db/client';

export async function getPlatformOverview({ actor }: { actor: Actor }) {
  assertCan(actor, 'admin.access');
  const db = await getDb();
  const [tenants, users] = await Promise.all([
    db.tenant.findMany({ orderBy: { slug: 'asc' }, select: { id: true, slug: true, name: true, _count: { select: { users: true, teams: true, tokens: true, activations: true } } } }),
    db.user.findMany({ orderBy: [{ tenantId: 'asc' }, { email: 'asc' }], select: { id: true, email: true, name: true, roles: true, lastLoginAt: true, tenant: { select: { slug: true } } }, take: 200 }),
  ]);
  return { tenants, users };
}
