import 'server-only';
// The navigation badge: how many held calls wait for this actor's tenant (all tenants for platform admins).
import { can, tenantScope, type Actor } from '@/lib/policy';
import { getDb } from '@/lib/server/db/client';

export async function countPendingApprovals({ actor }: { actor: Actor }): Promise<number> {
  if (!can(actor, 'approval.read')) return 0;
  const db = await getDb();
  return db.approvalRequest.count({ where: { ...tenantScope(actor), status: 'pending', expiresAt: { gt: new Date() } } });
}
