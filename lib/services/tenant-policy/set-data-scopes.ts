import 'server-only';
// Data scopes: which tables of the tenant's own dataset sql_query may read. The dataset reader role's grants are
// re-synced in the same transaction (sql_query also re-checks them on every call), so a change applies at once.
import type { Actor } from '@/lib/policy';
import { ZSetDataScopesInput, type TSetDataScopesInput } from '@/lib/schemas/tenant-policy';
import { parseInput } from '@/lib/server/boundary';
import { readGrantState } from '@/mcp-server/tools/dataset-grants';
import { syncDatasetGrants } from '@/mcp-server/tools/sql-query';
import { updateTenantPolicy } from './shared';

export async function setDataScopes({ actor, ...raw }: TSetDataScopesInput & { actor: Actor }) {
  const input = parseInput(ZSetDataScopesInput, raw);
  const row = await updateTenantPolicy(actor, input.tenantId, 'tenant_policy.data_scopes_updated', { dataScopes: input.scopes }, async (tx, tenant) => {
    // A tenant without a dataset has nothing to grant (sql_query refuses until its dataset exists).
    if ((await readGrantState(tx, tenant.slug)).schemaExists) await syncDatasetGrants(tx, tenant.slug, input.scopes);
  });
  return { scopes: row.dataScopes };
}
