import 'server-only';
// Remove an upstream server: its catalogue tools are retired (no longer listed or callable, history kept) and its
// stored credentials deleted, in one transaction with the audit record.
import type { Actor } from '@/lib/policy';
import { ZUpstreamIdInput } from '@/lib/schemas/upstreams';
import { writeAudit } from '@/lib/server/audit';
import { parseInput } from '@/lib/server/boundary';
import { getDb } from '@/lib/server/db/client';
import { newRequestId } from '@/lib/server/ids';
import { loadUpstreamForActor } from './load-upstream';
import { upstreamSecretScope } from './shared';

export async function removeUpstream({ actor, ...raw }: { actor: Actor; id: string }): Promise<{ retiredTools: string[] }> {
  const { id } = parseInput(ZUpstreamIdInput, raw);
  const s = await loadUpstreamForActor(actor, id, 'upstream.manage');
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const tools = await tx.tool.findMany({ where: { upstreamServerId: s.id }, select: { slug: true } });
    await tx.tool.updateMany({ where: { upstreamServerId: s.id }, data: { lifecycle: 'retired' } });
    await tx.tenantSecret.deleteMany({ where: { toolSlug: upstreamSecretScope(s.namespace) } });
    await tx.upstreamServer.delete({ where: { id: s.id } });
    await writeAudit(tx, actor, {
      requestId: newRequestId(), action: 'upstream.removed', resourceType: 'upstream_server', resourceId: s.id, tenantId: s.tenantId,
      details: { name: s.name, namespace: s.namespace, url: s.url, retiredTools: tools.map((t) => t.slug) }, resourcesTouched: [`upstream:${s.namespace}`],
    });
    return { retiredTools: tools.map((t) => t.slug) };
  });
}
