import 'server-only';
// The platform-wide upstream servers as a tenant's settings list them, each with whether this tenant has set its
// credential (last 4 characters and when, like the tenant's other secrets). Never a value.
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/policy';
import { UPSTREAM_STATUSES, type TTenantUpstreamCredentialDto } from '@/lib/schemas/upstreams';
import { getDb } from '@/lib/server/db/client';
import { assertCanManageTenantCredentials } from './load-platform-upstream';
import { upstreamSecretScope } from './shared';

const status = (s: string) => (UPSTREAM_STATUSES as readonly string[]).includes(s) ? (s as TTenantUpstreamCredentialDto['status']) : 'pending';

export async function findTenantUpstreamCredentials({ actor, tenantId }: { actor: Actor; tenantId: string }): Promise<TTenantUpstreamCredentialDto[]> {
  assertCanManageTenantCredentials(actor, tenantId);
  const db = await getDb();
  if (!(await db.tenant.findUnique({ where: { id: tenantId }, select: { id: true } }))) throw new AppError('NOT_FOUND', { userMessage: 'Tenant not found.' });
  const servers = await db.upstreamServer.findMany({
    where: { tenantId: null, namespace: { not: null } },
    orderBy: { name: 'asc' },
    take: 500,
    select: { id: true, name: true, namespace: true, description: true, secretName: true, status: true },
  });
  const secrets = await db.tenantSecret.findMany({
    where: { tenantId, toolSlug: { in: servers.map((s) => upstreamSecretScope(s.namespace!)) } },
    select: { toolSlug: true, name: true, last4: true, updatedAt: true },
  });
  const byKey = new Map(secrets.map((x) => [`${x.toolSlug}|${x.name}`, x]));
  return servers.map((s) => {
    const secret = s.secretName ? byKey.get(`${upstreamSecretScope(s.namespace!)}|${s.secretName}`) : undefined;
    return {
      id: s.id, name: s.name, namespace: s.namespace!, description: s.description, secretName: s.secretName, status: status(s.status),
      credential: secret ? { last4: secret.last4, updatedAt: secret.updatedAt.toISOString() } : null,
    };
  });
}
