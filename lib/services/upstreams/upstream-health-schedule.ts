import 'server-only';
// The periodic health check of every registered upstream MCP server, started by the production server
// (scripts/serve.ts) so the portal's reachable/unreachable and latency stay current without cron. Each pass goes
// through checkUpstreamsHealth (the one write path: runDiscovery records health, quarantines, audits), with bounded
// concurrency and each server's own timeout. The next pass is scheduled when one ends, so passes never overlap.
import { env } from '@/lib/server/env';
import { forComponent } from '@/lib/server/logger';
import { checkUpstreamsHealth, type UpstreamHealth } from './check-upstreams-health';

const log = forComponent('upstream-health');

/** One pass, as the timer runs it: never throws (a failed pass is logged and the next one still runs). */
export async function runUpstreamHealthPass(opts: { ids?: string[]; concurrency?: number } = {}): Promise<UpstreamHealth[]> {
  try {
    const results = await checkUpstreamsHealth(opts);
    const down = results.filter((r) => !r.result.ok).map((r) => r.namespace);
    if (down.length) log.warn({ unreachable: down, checked: results.length }, `${down.length} upstream server(s) unreachable`);
    return results;
  } catch (err) {
    log.error({ err }, 'the upstream health check could not run');
    return [];
  }
}

const g = globalThis as unknown as { __upstreamHealth?: boolean };

/** Starts the periodic check once per process; off under NODE_ENV=test and with UPSTREAM_HEALTH_INTERVAL_SECONDS=0. */
export function ensureUpstreamHealthChecks(): void {
  if (g.__upstreamHealth) return;
  g.__upstreamHealth = true;
  const e = env();
  if (e.NODE_ENV === 'test' || e.UPSTREAM_HEALTH_INTERVAL_SECONDS === 0) return;
  const intervalMs = e.UPSTREAM_HEALTH_INTERVAL_SECONDS * 1000;
  const schedule = () => setTimeout(() => void runUpstreamHealthPass().finally(schedule), intervalMs).unref();
  schedule();
}
