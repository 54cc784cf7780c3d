import 'server-only';
// Data scopes: which tables of the tenant's own dataset sql_query may read.
import type { Actor } from '@/lib/policy';
import { ZSetDataScopesInput, type TSetDataScopesInput } from '@/lib/schemas/tenant-policy';
import { parseInput } from '@/lib/server/boundary';
import { updateTenantPolicy } from './shared';

export async function setDataScopes({ actor, ...raw }: TSetDataScopesInput & { actor: Actor }) {
  const input = parseInput(ZSetDataScopesInput, raw);
  // TODO(sql_query): once mcp-server/tools/sql-query.ts exports syncDatasetGrants, call it here in the same
  // transaction so the dataset role's grants follow the scopes at once.
  const row = await updateTenantPolicy(actor, input.tenantId, 'tenant_policy.data_scopes_updated', { dataScopes: input.scopes });
  return { scopes: row.dataScopes };
}
