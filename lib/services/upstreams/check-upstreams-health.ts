import 'server-only';
// The health check of upstream servers (the production server's periodic check, upstream-health-schedule.ts;
// scripts/upstreams-check.ts; "Check now" in the portal): each server is discovered again, which records
// reachable/unreachable with latency and quarantines any tool whose definition changed (rug-pull defence). At most
// `concurrency` servers are checked at once, each within its own time limit, so one hanging server holds one slot
// for at most its timeout and never the others.
import type { Actor } from '@/lib/policy';
import { getDb } from '@/lib/server/db/client';
import { forComponent } from '@/lib/server/logger';
import { runDiscovery, type DiscoveryResult } from './run-discovery';

export const HEALTH_ACTOR: Actor = { kind: 'system', id: 'upstream-health', label: 'upstream health check', tenantId: null, teamIds: [], roles: [], via: 'cli', ip: null };
export const HEALTH_CONCURRENCY = 4;

export type UpstreamHealth = { id: string; namespace: string; result: DiscoveryResult };

export async function checkUpstreamsHealth(opts: { ids?: string[]; actor?: Actor; concurrency?: number } = {}): Promise<UpstreamHealth[]> {
  const db = await getDb();
  const servers = await db.upstreamServer.findMany({
    where: { namespace: { not: null }, ...(opts.ids ? { id: { in: opts.ids } } : {}) },
    select: { id: true, name: true, namespace: true, url: true, tenantId: true, timeoutMs: true, secretName: true },
    orderBy: { id: 'asc' },
  });
  const results: UpstreamHealth[] = new Array(servers.length);
  let next = 0;
  // A small worker pool: each worker takes the next server when its previous one is done.
  const worker = async () => {
    for (let i = next++; i < servers.length; i = next++) {
      const s = servers[i]!;
      let result: DiscoveryResult;
      try {
        result = await runDiscovery(opts.actor ?? HEALTH_ACTOR, { ...s, namespace: s.namespace! });
      } catch (err) {
        // Recording itself failed (database): logged, and the other servers are still checked.
        forComponent('upstreams').error({ err, upstream: s.namespace }, 'the health check could not be recorded');
        result = { ok: false, error: 'The health check could not be recorded (see the server log).' };
      }
      results[i] = { id: s.id, namespace: s.namespace!, result };
    }
  };
  const width = Math.max(1, Math.min(opts.concurrency ?? HEALTH_CONCURRENCY, servers.length));
  await Promise.all(Array.from({ length: width }, worker));
  return results;
}
