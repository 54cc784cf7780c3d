import 'server-only';
// A tenant admin sets or replaces their tenant's own credential for a platform-wide upstream server: stored like
// every upstream credential (store-credential.ts: encrypted, scope `upstream:<namespace>`, named by the server's
// secret name, audited without the value). That tenant's calls to the server's tools then carry it.
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/policy';
import { ZSetTenantUpstreamCredentialInput, type TSetTenantUpstreamCredentialInput } from '@/lib/schemas/upstreams';
import { parseInput } from '@/lib/server/boundary';
import { getDb } from '@/lib/server/db/client';
import { loadPlatformUpstream } from './load-platform-upstream';
import { storeUpstreamCredential } from './store-credential';

export async function setTenantUpstreamCredential({ actor, ...raw }: TSetTenantUpstreamCredentialInput & { actor: Actor }) {
  const input = parseInput(ZSetTenantUpstreamCredentialInput, raw);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const { tenant, server } = await loadPlatformUpstream(tx, actor, input.tenantId, input.upstreamId);
    if (!server.secretName) throw new AppError('VALIDATION', { userMessage: `"${server.name}" needs no credential: its calls are made without one.` });
    const r = await storeUpstreamCredential(tx, actor, tenant.id, server.namespace, server.secretName, input.value);
    return { upstreamId: server.id, name: server.name, replaced: r.replaced, last4: r.last4, updatedAt: r.updatedAt.toISOString() };
  });
}
