// The production server `npm start` runs: one Node http server serving the portal through Next's request handler
// and POST /mcp straight through the MCP pipeline (mcp-server/node-bridge.ts), ahead of Next's router, which cost
// most of a call's time under load. `next dev` keeps app/mcp/route.ts (the same pipeline). Background work (audit
// sealer, SIEM export, rollups, upstream health checks) runs in a second process it supervises
// (scripts/serve-background.ts), off the event loop that answers requests.
// It also records each connection's peer address in a header of its own (the client's copy removed), the only
// source lib/server/client-ip.ts trusts besides X-Forwarded-For from configured proxies.
// Run by scripts/start.ts: node --import tsx --import ./scripts/server-hooks.mjs scripts/serve.ts
import http from 'node:http';
import path from 'node:path';
import next from 'next';
import { isMcpPath, PEER_HEADER, serveMcp } from '@/mcp-server/node-bridge';
import { sealInAnotherProcess } from '@/lib/server/audit-chain/runner';
import { getDbState } from '@/lib/server/db/client';
import { forComponent } from '@/lib/server/logger';
import { shutdownTelemetry, startTelemetry } from '@/lib/server/telemetry';
import { isOAuthPath } from '@/lib/server/oauth/config';
import { serveOAuth } from '@/lib/server/oauth/host';
import { profileOnSignal } from './bench-profile';
import { supervise } from './supervise';

const log = forComponent('serve');

async function main() {
  // This process answers requests only: the sealer runs in the background process (its first audit write would
  // otherwise start one here too).
  sealInAnotherProcess();
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
  // The audit sealer and the upstream health checks run from start-up, in a process of their own. The database is
  // opened here first: on the embedded database this process owns it (the background process reaches it through
  // this one, and may restart without taking the database with it).
  await getDbState();
  // Restarted when it ends (after 1 s, doubling to 30 s while it keeps failing at start).
  const background = supervise(path.resolve('scripts/serve-background.ts'), {
    onExit: ({ code, signal, restartInMs }) => log.error({ code, signal }, `the background process (audit sealer, upstream health) ended: restarting in ${restartInMs / 1000} s`),
  });
  server.listen(port, hostname, () => log.info({ port, hostname: hostname ?? 'localhost' }, `ready on http://${hostname ?? 'localhost'}:${port} (portal) and /mcp`));
  const stop = () => {
    void background.stop();
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
