// npm run upstreams:check — the health check of every registered upstream MCP server (run it on a schedule, e.g.
// every 5 minutes from cron or a Kubernetes CronJob): each is discovered again within its own time limit, which
// records reachable/unreachable with latency and quarantines any tool whose upstream changed its definition (owner
// and reviewers notified). Prints one line per server; exits 1 when any server is unreachable.
import { disconnectDb } from '@/lib/server/db/client';
import { checkUpstreamsHealth } from '@/lib/services/upstreams/check-upstreams-health';

async function main(): Promise<boolean> {
  const results = await checkUpstreamsHealth();
  for (const r of results) {
    if (r.result.ok) {
      const changed = r.result.discovery.tools.filter((t) => t.outcome.startsWith('changed')).length;
      console.log(`${r.namespace}: reachable in ${r.result.latencyMs} ms, ${r.result.discovery.tools.length} tool(s)${changed ? `, ${changed} changed (quarantined until reviewed)` : ''}`);
    } else {
      console.log(`${r.namespace}: UNREACHABLE: ${r.result.error}`);
    }
  }
  if (results.length === 0) console.log('no upstream servers registered');
  return results.every((r) => r.result.ok);
}

main()
  .then(async (ok) => {
    await disconnectDb();
    process.exit(ok ? 0 : 1);
  })
  .catch(async (e: unknown) => {
    console.error(`[upstreams:check] ${e instanceof Error ? e.message : String(e)}`);
    await disconnectDb().catch(() => undefined);
    process.exit(2);
  });
