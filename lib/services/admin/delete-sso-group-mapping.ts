import 'server-only';
// Removes a group mapping. Users keep what it gave them until their next SSO sign-in re-applies the mappings.
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/policy';
import { ZDeleteSsoGroupMappingInput, type TDeleteSsoGroupMappingInput } from '@/lib/schemas/admin';
import { writeAudit } from '@/lib/server/audit';
import { parseInput } from '@/lib/server/boundary';
import { getDb } from '@/lib/server/db/client';
import { newRequestId } from '@/lib/server/ids';
import { loadTenantInReach } from '@/lib/services/tenants/shared';

export async function deleteSsoGroupMapping({ actor, ...raw }: TDeleteSsoGroupMappingInput & { actor: Actor }) {
  const input = parseInput(ZDeleteSsoGroupMappingInput, raw);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const tenant = await loadTenantInReach(tx, actor, input.tenantId);
    const row = await tx.ssoGroupMapping.findFirst({ where: { id: input.mappingId, tenantId: tenant.id } });
    if (!row) throw new AppError('NOT_FOUND', { userMessage: 'Mapping not found.' });
    await tx.ssoGroupMapping.delete({ where: { id: row.id } });
    await writeAudit(tx, actor, {
      requestId: newRequestId(), tenantId: tenant.id, action: 'sso_mapping.deleted', resourceType: 'sso_mapping', resourceId: row.id,
      details: { group: row.group, role: row.role, teamId: row.teamId }, resourcesTouched: [`tenant:${tenant.slug}`],
    });
    return { id: row.id };
  });
}
