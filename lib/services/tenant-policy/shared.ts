import 'server-only';
// Tenant policy writes share one shape: check the permission, upsert the tenant's TenantPolicy row, and audit the
// before/after of the fields changed, in one transaction. The next /mcp call reads the new policy.
import { AppError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import { assertCan, type Actor } from '@/lib/policy';
import { writeAudit } from '@/lib/server/audit';
import { getDb } from '@/lib/server/db/client';
import { newRequestId } from '@/lib/server/ids';

type PolicyFields = Pick<Prisma.TenantPolicyUncheckedCreateInput, 'egressAllowlist' | 'piiRules' | 'dataScopes' | 'defaultRequestsPerMinute' | 'defaultCallsPerDay'>;

export async function updateTenantPolicy<K extends keyof PolicyFields>(
  actor: Actor,
  tenantId: string,
  action: string,
  data: Pick<PolicyFields, K>,
  after?: (tx: Prisma.TransactionClient, tenant: { id: string; slug: string }) => Promise<void>,
) {
  assertCan(actor, 'tenant_policy.manage', { tenantId });
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const tenant = await tx.tenant.findUnique({ where: { id: tenantId }, select: { id: true, slug: true } });
    if (!tenant) throw new AppError('NOT_FOUND', { userMessage: 'Tenant not found.' });
    const existing = await tx.tenantPolicy.findUnique({ where: { tenantId } });
    const keys = Object.keys(data) as K[];
    const before = Object.fromEntries(keys.map((k) => [k, existing ? (existing as Record<string, unknown>)[k] : null]));
    const row = await tx.tenantPolicy.upsert({
      where: { tenantId },
      create: { tenantId, egressAllowlist: [], dataScopes: [], ...data },
      update: data,
    });
    await writeAudit(tx, actor, {
      requestId: newRequestId(),
      tenantId,
      action,
      resourceType: 'tenant_policy',
      resourceId: tenant.slug,
      details: { before, after: data } as unknown as Prisma.InputJsonValue,
      resourcesTouched: [`tenant:${tenant.slug}`],
    });
    if (after) await after(tx, tenant);
    return row;
  });
}
