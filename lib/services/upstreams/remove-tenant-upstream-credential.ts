import 'server-only';
// A tenant admin removes their tenant's credential for a platform-wide upstream server; the tenant's calls to its
// tools are then refused with a clear error until a new one is set. Audited without any value.
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/policy';
import { ZRemoveTenantUpstreamCredentialInput, type TRemoveTenantUpstreamCredentialInput } from '@/lib/schemas/upstreams';
import { writeAudit } from '@/lib/server/audit';
import { parseInput } from '@/lib/server/boundary';
import { getDb } from '@/lib/server/db/client';
import { newRequestId } from '@/lib/server/ids';
import { loadPlatformUpstream } from './load-platform-upstream';
import { upstreamSecretScope } from './shared';

export async function removeTenantUpstreamCredential({ actor, ...raw }: TRemoveTenantUpstreamCredentialInput & { actor: Actor }) {
  const input = parseInput(ZRemoveTenantUpstreamCredentialInput, raw);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const { tenant, server } = await loadPlatformUpstream(tx, actor, input.tenantId, input.upstreamId);
    const scope = upstreamSecretScope(server.namespace);
    const row = server.secretName ? await tx.tenantSecret.findUnique({ where: { tenantId_toolSlug_name: { tenantId: tenant.id, toolSlug: scope, name: server.secretName } }, select: { id: true } }) : null;
    if (!row || !server.secretName) throw new AppError('NOT_FOUND', { userMessage: `No credential is set for "${server.name}".` });
    const deleted = await tx.tenantSecret.deleteMany({ where: { id: row.id, tenantId: tenant.id } });
    if (deleted.count !== 1) throw new AppError('CONFLICT', { userMessage: 'This credential was already removed.' });
    await writeAudit(tx, actor, {
      requestId: newRequestId(), tenantId: tenant.id, action: 'secret.deleted', resourceType: 'tenant_secret', resourceId: row.id,
      details: { scope, name: server.secretName }, resourcesTouched: [`tenant:${tenant.slug}`, `upstream:${server.namespace}`],
    });
    return { upstreamId: server.id };
  });
}
