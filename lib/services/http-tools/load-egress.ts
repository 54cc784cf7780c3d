import 'server-only';
// Where a tenant's HTTP tools may send requests: its egress allowlist and the trusted internal hosts that apply to
// it (its own and the platform-wide ones). Staff without a tenant see the platform-wide entries only.
import { getDb } from '@/lib/server/db/client';
import { findTrustedPatterns } from '@/lib/services/trusted-hosts/find-trusted-patterns';

export async function loadHttpToolEgress(tenantId: string | null): Promise<{ allowlist: string[]; trustedInternal: string[] }> {
  const db = await getDb();
  const [policy, trustedInternal] = await Promise.all([
    tenantId ? db.tenantPolicy.findUnique({ where: { tenantId }, select: { egressAllowlist: true } }) : null,
    findTrustedPatterns(tenantId),
  ]);
  return { allowlist: policy?.egressAllowlist ?? [], trustedInternal };
}
