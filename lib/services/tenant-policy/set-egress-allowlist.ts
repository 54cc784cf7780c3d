import 'server-only';
// Egress allowlist: the hosts ("api.github.com") and subdomain wildcards ("*.example.com") every tool that
// reaches out may contact. Validated by the same schema as the form; audited with before/after.
import type { Actor } from '@/lib/policy';
import { ZSetEgressAllowlistInput, type TSetEgressAllowlistInput } from '@/lib/schemas/tenant-policy';
import { parseInput } from '@/lib/server/boundary';
import { updateTenantPolicy } from './shared';

export async function setEgressAllowlist({ actor, ...raw }: TSetEgressAllowlistInput & { actor: Actor }) {
  const input = parseInput(ZSetEgressAllowlistInput, raw);
  const row = await updateTenantPolicy(actor, input.tenantId, 'tenant_policy.egress_updated', { egressAllowlist: input.hosts });
  return { hosts: row.egressAllowlist };
}
