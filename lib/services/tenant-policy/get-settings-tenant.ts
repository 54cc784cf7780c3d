import 'server-only';
// The tenant a settings page works on (a tenant admin's own; for platform staff the one named by ?tenant=, else the
// first), plus the tenants staff may switch to.
import { canCrossTenants, type Actor } from '@/lib/policy';
import { getDb } from '@/lib/server/db/client';
import { resolveTenantFor } from '@/lib/services/activation/shared';

export async function getSettingsTenant({ actor, tenant }: { actor: Actor; tenant?: string | null }) {
  const db = await getDb();
  const current = await resolveTenantFor(db, actor, tenant);
  const tenants = canCrossTenants(actor) ? await db.tenant.findMany({ orderBy: { slug: 'asc' }, select: { slug: true, name: true }, take: 500 }) : [];
  return { tenant: current, tenants };
}
