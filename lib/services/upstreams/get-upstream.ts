import 'server-only';
// One upstream server for its page (another tenant's answered like an unknown id), or null.
import { can, canCrossTenants, type Actor } from '@/lib/policy';
import type { TUpstreamDto } from '@/lib/schemas/upstreams';
import { getDb } from '@/lib/server/db/client';
import { toDto } from './find-upstreams';

export async function getUpstream({ actor, id }: { actor: Actor; id: string }): Promise<TUpstreamDto | null> {
  if (!can(actor, 'upstream.read')) return null;
  const db = await getDb();
  const r = await db.upstreamServer.findUnique({
    where: { id },
    include: { tenant: { select: { name: true } }, tools: { select: { slug: true, lifecycle: true, servedVersion: true, config: true }, orderBy: { slug: 'asc' } } },
  });
  if (!r || !r.namespace) return null;
  if (r.tenantId !== null && !canCrossTenants(actor) && r.tenantId !== actor.tenantId) return null;
  return toDto(r);
}
