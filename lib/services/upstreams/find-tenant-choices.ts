import 'server-only';
// The tenants an actor may register upstream servers or trusted hosts for (platform staff: every tenant; a tenant
// admin: their own), for the forms' tenant choice.
import { canCrossTenants, type Actor } from '@/lib/policy';
import { getDb } from '@/lib/server/db/client';

export async function findTenantChoices({ actor }: { actor: Actor }): Promise<{ id: string; name: string }[]> {
  const db = await getDb();
  if (canCrossTenants(actor)) return db.tenant.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true }, take: 500 });
  if (!actor.tenantId) return [];
  return db.tenant.findMany({ where: { id: actor.tenantId }, select: { id: true, name: true } });
}
