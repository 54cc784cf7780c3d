import 'server-only';
// A platform admin renames a tenant or changes its SSO domains (the slug stays: it names the tenant's dataset
// schema and appears in audit records). Default limits are edited through the tenant policy service.
import { ZUpdateTenantInput, type TUpdateTenantInput } from '@/lib/schemas/admin';
import type { Actor } from '@/lib/policy';
import { writeAudit } from '@/lib/server/audit';
import { parseInput } from '@/lib/server/boundary';
import { getDb } from '@/lib/server/db/client';
import { newRequestId } from '@/lib/server/ids';
import { assertSsoDomainsFree, loadTenantInReach } from './shared';

export async function updateTenant({ actor, ...raw }: TUpdateTenantInput & { actor: Actor }) {
  const input = parseInput(ZUpdateTenantInput, raw);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const before = await loadTenantInReach(tx, actor, input.tenantId, 'tenant.manage');
    await assertSsoDomainsFree(tx, input.ssoDomains, before.id);
    const after = await tx.tenant.update({ where: { id: before.id }, data: { name: input.name, ssoDomains: input.ssoDomains }, select: { id: true, slug: true, name: true, ssoDomains: true } });
    await writeAudit(tx, actor, {
      requestId: newRequestId(), tenantId: before.id, action: 'tenant.updated', resourceType: 'tenant', resourceId: before.slug,
      details: { before: { name: before.name, ssoDomains: before.ssoDomains }, after: { name: after.name, ssoDomains: after.ssoDomains } },
      resourcesTouched: [`tenant:${before.slug}`],
    });
    return after;
  });
}
