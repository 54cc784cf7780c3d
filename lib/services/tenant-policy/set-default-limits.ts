import 'server-only';
// The tenant's default limits, used for every tool without its own tenant × tool limits.
import type { Actor } from '@/lib/policy';
import { ZSetDefaultLimitsInput, type TSetDefaultLimitsInput } from '@/lib/schemas/tenant-policy';
import { parseInput } from '@/lib/server/boundary';
import { updateTenantPolicy } from './shared';

export async function setDefaultLimits({ actor, ...raw }: TSetDefaultLimitsInput & { actor: Actor }) {
  const input = parseInput(ZSetDefaultLimitsInput, raw);
  const row = await updateTenantPolicy(actor, input.tenantId, 'tenant_policy.limits_updated', {
    defaultRequestsPerMinute: input.defaultRequestsPerMinute,
    defaultCallsPerDay: input.defaultCallsPerDay,
  });
  return { defaultRequestsPerMinute: row.defaultRequestsPerMinute, defaultCallsPerDay: row.defaultCallsPerDay };
}
