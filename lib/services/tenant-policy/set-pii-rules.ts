import 'server-only';
// PII redaction rules: built-in detectors on/off and custom patterns (unsafe patterns are refused by the schema).
import type { Actor } from '@/lib/policy';
import { ZSetPiiRulesInput, type TSetPiiRulesInput } from '@/lib/schemas/tenant-policy';
import { parseInput } from '@/lib/server/boundary';
import { updateTenantPolicy } from './shared';

export async function setPiiRules({ actor, ...raw }: TSetPiiRulesInput & { actor: Actor }) {
  const input = parseInput(ZSetPiiRulesInput, raw);
  await updateTenantPolicy(actor, input.tenantId, 'tenant_policy.pii_updated', { piiRules: input.rules });
  return { rules: input.rules };
}
