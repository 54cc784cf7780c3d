// The background work of the deployable, in a process of its own that scripts/serve.ts starts and stops with it:
// the audit sealer (then SIEM export and metric rollups) once a second, and the upstream health checks. Hashing a
// second of audit events and reading them back ran on the event loop that answers /mcp and the portal, between
// requests; here it has its own, and a busy server's requests no longer queue behind it. Several replicas each run
// one: the sealer and the rollups take advisory locks, the health checks are idempotent.
// Run as: node --import tsx --import ./scripts/server-hooks.mjs scripts/serve-background.ts (serve.ts forks it).
import { ensureAuditSealer } from '@/lib/server/audit-chain/runner';
import { disconnectDb, getPgPool } from '@/lib/server/db/client';
import { ensureUpstreamHealthChecks } from '@/lib/services/upstreams/upstream-health-schedule';
import { forComponent } from '@/lib/server/logger';

const log = forComponent('background');

async function main() {
  // Fails here, visibly, when the database cannot be reached (serve.ts restarts this process).
  await (await getPgPool()).query('SELECT 1');
  // Events left unsealed by a previous process are chained from start-up, even if nobody writes for a while.
  ensureAuditSealer();
  // Upstream MCP servers' reachability and latency, refreshed every UPSTREAM_HEALTH_INTERVAL_SECONDS (default 60 s).
  ensureUpstreamHealthChecks();
  // Both timers are unref'd (they never hold a CLI open): this process lives as long as its IPC channel to serve.ts,
  // and ends with it.
  const stop = () => void disconnectDb().finally(() => process.exit(0));
  process.on('disconnect', stop);
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  log.info('audit sealer and upstream health checks running');
}

main().catch((e: unknown) => {
  log.fatal({ err: e }, 'the background process could not start');
  process.exit(1);
});
