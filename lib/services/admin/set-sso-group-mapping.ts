import 'server-only';
// A tenant admin maps an OpenID Connect group to a role and/or a team of the tenant (one mapping per group,
// replaced when saved again). Only roles the admin may grant inside the tenant.
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/policy';
import { ZSsoGroupMappingInput, type TSsoGroupMappingInput } from '@/lib/schemas/admin';
import { writeAudit } from '@/lib/server/audit';
import { parseInput } from '@/lib/server/boundary';
import { getDb } from '@/lib/server/db/client';
import { newRequestId } from '@/lib/server/ids';
import { loadTenantInReach } from '@/lib/services/tenants/shared';
import { assertAssignableRoles } from '@/lib/services/users/shared';

export async function setSsoGroupMapping({ actor, ...raw }: TSsoGroupMappingInput & { actor: Actor }) {
  const input = parseInput(ZSsoGroupMappingInput, raw);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const tenant = await loadTenantInReach(tx, actor, input.tenantId);
    if (input.role) assertAssignableRoles(actor, tenant.id, [input.role]);
    if (input.teamId && !(await tx.team.findFirst({ where: { id: input.teamId, tenantId: tenant.id }, select: { id: true } }))) {
      throw new AppError('VALIDATION', { userMessage: 'This team does not exist in the tenant.', fieldErrors: { teamId: ['This team does not exist in the tenant.'] } });
    }
    const before = await tx.ssoGroupMapping.findUnique({ where: { tenantId_group: { tenantId: tenant.id, group: input.group } }, select: { role: true, teamId: true } });
    const row = await tx.ssoGroupMapping.upsert({
      where: { tenantId_group: { tenantId: tenant.id, group: input.group } },
      create: { tenantId: tenant.id, group: input.group, role: input.role, teamId: input.teamId },
      update: { role: input.role, teamId: input.teamId },
      select: { id: true, group: true, role: true, teamId: true },
    });
    await writeAudit(tx, actor, {
      requestId: newRequestId(), tenantId: tenant.id, action: before ? 'sso_mapping.updated' : 'sso_mapping.created', resourceType: 'sso_mapping', resourceId: row.id,
      details: { group: row.group, before, after: { role: row.role, teamId: row.teamId } }, resourcesTouched: [`tenant:${tenant.slug}`],
    });
    return row;
  });
}
