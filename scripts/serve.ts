// The production server `npm start` runs: one Node http server, in one process, serving the portal through Next's
// request handler and POST /mcp straight through the MCP pipeline (mcp-server/node-bridge.ts), ahead of Next's
// router, which cost most of a call's time under load. `next dev` keeps app/mcp/route.ts (the same pipeline).
// It also records each connection's peer address in a header of its own (the client's copy removed), the only
// source lib/server/client-ip.ts trusts besides X-Forwarded-For from configured proxies.
// Run by scripts/start.ts: node --import tsx --import ./scripts/server-hooks.mjs scripts/serve.ts
import http from 'node:http';
import next from 'next';
import { isMcpPath, PEER_HEADER, serveMcp } from '@/mcp-server/node-bridge';
import { ensureAuditSealer } from '@/lib/server/audit-chain/runner';
import { ensureUpstreamHealthChecks } from '@/lib/services/upstreams/upstream-health-schedule';
import { forComponent } from '@/lib/server/logger';
import { shutdownTelemetry, startTelemetry } from '@/lib/server/telemetry';
import { isOAuthPath } from '@/lib/server/oauth/config';
import { serveOAuth } from '@/lib/server/oauth/host';
import { profileOnSignal } from './bench-profile';

const log = forComponent('serve');

async function main() {
  // Trace export when the OTEL_* variables configure it (lib/server/telemetry), before anything handles a request.
  await startTelemetry();
  profileOnSignal(); // CPU_PROFILE_FILE (npm run bench:mcp with BENCH_PROFILE): SIGUSR2 starts/stops a CPU profile
  process.env.PLATFORM_PEER_HEADER = '1'; // this server sets the peer header itself (lib/server/client-ip.ts)
  const port = Number(process.env.PORT || 3000);
  const hostname = process.env.HOSTNAME || undefined;
  const app = next({ dev: false, dir: process.cwd(), port, hostname });
  await app.prepare();
  const handle = app.getRequestHandler();
  const base = `http://localhost:${port}`;
  const server = http.createServer((req, res) => {
    delete req.headers[PEER_HEADER];
    for (let i = req.rawHeaders.length - 2; i >= 0; i -= 2) if (req.rawHeaders[i]!.toLowerCase() === PEER_HEADER) req.rawHeaders.splice(i, 2);
    const peer = req.socket.remoteAddress ?? '';
    req.headers[PEER_HEADER] = peer;
    req.rawHeaders.push(PEER_HEADER, peer);
    if (isMcpPath(req.url)) void serveMcp(req, res, base);
    else if (isOAuthPath(req.url)) void serveOAuth(req, res); // the OAuth authorization server (lib/server/oauth)
    else void handle(req, res);
  });
  server.keepAliveTimeout = 65_000;
  // The audit sealer (then SIEM export and metric rollups) runs from start-up, not only after this process's first
  // audit write: events left unsealed by a previous process are chained even if nobody writes for a while.
  ensureAuditSealer();
  // Upstream MCP servers' reachability and latency, refreshed every UPSTREAM_HEALTH_INTERVAL_SECONDS (default 60 s).
  ensureUpstreamHealthChecks();
  server.listen(port, hostname, () => log.info({ port, hostname: hostname ?? 'localhost' }, `ready on http://${hostname ?? 'localhost'}:${port} (portal) and /mcp`));
  const stop = () => {
    server.close(() => void shutdownTelemetry().finally(() => process.exit(0)));
    server.closeAllConnections();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  log.fatal({ err: e }, 'the server could not start');
  process.exit(1);
});
