import 'server-only';
// The health check of upstream servers (scripts/upstreams-check.ts, on a schedule; "Check now" in the portal):
// each server is discovered again, which records reachable/unreachable with latency and quarantines any tool whose
// definition changed (rug-pull defence). Servers are checked concurrently, each within its own time limit, so one
// hanging server does not hold the others.
import type { Actor } from '@/lib/policy';
import { getDb } from '@/lib/server/db/client';
import { runDiscovery, type DiscoveryResult } from './run-discovery';

export const HEALTH_ACTOR: Actor = { kind: 'system', id: 'upstream-health', label: 'upstream health check', tenantId: null, teamIds: [], roles: [], via: 'cli', ip: null };

export async function checkUpstreamsHealth(opts: { ids?: string[]; actor?: Actor } = {}): Promise<{ id: string; namespace: string; result: DiscoveryResult }[]> {
  const db = await getDb();
  const servers = await db.upstreamServer.findMany({
    where: { namespace: { not: null }, ...(opts.ids ? { id: { in: opts.ids } } : {}) },
    select: { id: true, name: true, namespace: true, url: true, tenantId: true, timeoutMs: true, secretName: true },
    orderBy: { id: 'asc' },
  });
  return Promise.all(servers.map(async (s) => ({ id: s.id, namespace: s.namespace!, result: await runDiscovery(opts.actor ?? HEALTH_ACTOR, { ...s, namespace: s.namespace! }) })));
}
