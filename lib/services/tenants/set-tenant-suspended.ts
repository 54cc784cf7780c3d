import 'server-only';
// Suspends or reactivates a tenant. While suspended its users cannot sign in, their portal sessions end at the
// next request, and /mcp answers its agent tokens (and OAuth grants, which check Tenant.suspendedAt) like revoked
// ones within MCP_POLICY_CACHE_MS (≤ 2 s). Nothing is deleted: reactivation restores everything as it was.
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/policy';
import { ZSetTenantSuspendedInput, type TSetTenantSuspendedInput } from '@/lib/schemas/admin';
import { writeAudit } from '@/lib/server/audit';
import { parseInput } from '@/lib/server/boundary';
import { getDb } from '@/lib/server/db/client';
import { newRequestId } from '@/lib/server/ids';
import { loadTenantInReach } from './shared';

export async function setTenantSuspended({ actor, ...raw }: TSetTenantSuspendedInput & { actor: Actor }) {
  const input = parseInput(ZSetTenantSuspendedInput, raw);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const tenant = await loadTenantInReach(tx, actor, input.tenantId, 'tenant.manage');
    const now = new Date();
    const res = await tx.tenant.updateMany({
      where: { id: tenant.id, suspendedAt: input.suspended ? null : { not: null } },
      data: { suspendedAt: input.suspended ? now : null },
    });
    if (res.count !== 1) throw new AppError('INVALID_STATE', { userMessage: input.suspended ? 'This tenant is already suspended.' : 'This tenant is not suspended.' });
    await writeAudit(tx, actor, {
      requestId: newRequestId(), tenantId: tenant.id, action: input.suspended ? 'tenant.suspended' : 'tenant.reactivated', resourceType: 'tenant', resourceId: tenant.slug,
      details: { reason: input.reason ?? null }, resourcesTouched: [`tenant:${tenant.slug}`],
    });
    return { id: tenant.id, suspendedAt: input.suspended ? now : null };
  });
}
