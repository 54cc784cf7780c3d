import 'server-only';
// A platform admin creates a tenant with its default policy (limits; empty egress allowlist and data scopes, the
// same row the tenant policy service edits later) and SSO domains, audited in the same transaction.
import { AppError } from '@/lib/errors';
import { assertCan, type Actor } from '@/lib/policy';
import { ZCreateTenantInput, type TCreateTenantInput } from '@/lib/schemas/admin';
import { writeAudit } from '@/lib/server/audit';
import { parseInput } from '@/lib/server/boundary';
import { getDb } from '@/lib/server/db/client';
import { newRequestId } from '@/lib/server/ids';
import { assertSsoDomainsFree } from './shared';

export async function createTenant({ actor, ...raw }: TCreateTenantInput & { actor: Actor }) {
  assertCan(actor, 'tenant.manage');
  const input = parseInput(ZCreateTenantInput, raw);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    if (await tx.tenant.findUnique({ where: { slug: input.slug }, select: { id: true } })) {
      throw new AppError('CONFLICT', { userMessage: 'This slug is already taken.', fieldErrors: { slug: ['This slug is already taken.'] } });
    }
    await assertSsoDomainsFree(tx, input.ssoDomains, null);
    const tenant = await tx.tenant.create({
      data: {
        slug: input.slug, name: input.name, ssoDomains: input.ssoDomains,
        policy: { create: { egressAllowlist: [], dataScopes: [], defaultRequestsPerMinute: input.defaultRequestsPerMinute, defaultCallsPerDay: input.defaultCallsPerDay } },
      },
      select: { id: true, slug: true, name: true },
    });
    await writeAudit(tx, actor, {
      requestId: newRequestId(), tenantId: tenant.id, action: 'tenant.created', resourceType: 'tenant', resourceId: tenant.slug,
      details: { name: input.name, defaultRequestsPerMinute: input.defaultRequestsPerMinute, defaultCallsPerDay: input.defaultCallsPerDay, ssoDomains: input.ssoDomains },
      resourcesTouched: [`tenant:${tenant.slug}`],
    });
    return tenant;
  });
}
