import 'server-only';
// A tenant's secrets as the settings page lists them: tool, name, last 4 characters, key id, when. Never a value.
// A secret kept for an upstream server (scope `upstream:<namespace>`) names its server, so the page can send its
// replacement through the upstream credential path; the form's tools are those that read secrets of their own.
import { assertCan, type Actor } from '@/lib/policy';
import { ZSecretDto } from '@/lib/schemas/tenant-policy';
import type { TSecretsView, TSecretUpstream } from '@/lib/schemas/settings-view';
import { getDb } from '@/lib/server/db/client';
import { namespaceOfSecretScope } from '@/lib/services/upstreams/shared';

export async function findSecrets({ actor, tenantId }: { actor: Actor; tenantId: string }): Promise<TSecretsView> {
  assertCan(actor, 'secret.manage', { tenantId });
  const db = await getDb();
  const [rows, tools] = await Promise.all([
    db.tenantSecret.findMany({
      where: { tenantId },
      orderBy: [{ toolSlug: 'asc' }, { name: 'asc' }],
      select: { id: true, toolSlug: true, name: true, last4: true, keyId: true, updatedAt: true },
    }),
    // An upstream server's tools are called with the server's credential, never with a secret of their own.
    db.tool.findMany({ where: { lifecycle: { not: 'retired' }, upstreamServerId: null }, orderBy: { slug: 'asc' }, select: { slug: true, title: true } }),
  ]);
  const namespaces = [...new Set(rows.map((r) => namespaceOfSecretScope(r.toolSlug)).filter((n) => n !== null))];
  const servers = namespaces.length === 0 ? [] : await db.upstreamServer.findMany({
    where: { namespace: { in: namespaces }, OR: [{ tenantId: null }, { tenantId }] },
    select: { id: true, name: true, namespace: true, tenantId: true, secretName: true },
  });
  const byNamespace = new Map(servers.map((s) => [s.namespace, s]));
  const upstreamOf = (toolSlug: string, name: string): TSecretUpstream | null => {
    const namespace = namespaceOfSecretScope(toolSlug);
    if (namespace === null) return null;
    const s = byNamespace.get(namespace);
    return { namespace, server: s ? { id: s.id, name: s.name, platformWide: s.tenantId === null } : null, inUse: s?.secretName === name };
  };
  return {
    secrets: rows.map((r) => ({ ...ZSecretDto.parse({ ...r, updatedAt: r.updatedAt.toISOString() }), upstream: upstreamOf(r.toolSlug, r.name) })),
    tools,
  };
}
