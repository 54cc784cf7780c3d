// npm run bench:mcp — load test of tools/call (kb_search, read-only) through the full governed pipeline, against a
// bare MCP SDK server serving the same tool on the same database in the same run. Prints calls/s, p50 and p95 for
// both and the ratios. A benchmark, not a test: it prints figures and never fails on them.
//   BENCH_DATABASE_URL (or TEST_DATABASE_URL) → a fresh database on that PostgreSQL server (recommended);
//   otherwise an embedded PGlite in a temporary directory. BENCH_SECONDS (default 10), BENCH_CONNECTIONS (default 10).
//   BENCH_ONLY=governed (or bare) loads one server only, e.g. under `node --cpu-prof` to see where a call's time goes.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import { createTestDatabase } from '@/lib/testing/test-database';

const SECONDS = Number(process.env.BENCH_SECONDS || 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 10);

/** Node http → fetch Request → handler → Response, the same bridge for both servers. */
function serve(handler: (req: Request) => Promise<Response>): Promise<{ url: string; close: () => Promise<void> }> {
  let inflight = 0;
  let drained: (() => void) | null = null;
  const server = http.createServer(async (req, res) => {
    inflight++;
    res.on('close', () => {
      if (--inflight === 0 && drained) drained();
    });
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
    const response = await handler(new Request(`http://localhost${req.url}`, { method: req.method, headers, body: req.method === 'POST' ? Buffer.concat(chunks) : undefined }));
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  server.keepAliveTimeout = 60_000;
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({
        url: `http://localhost:${(server.address() as AddressInfo).port}/mcp`,
        close: async () => {
          if (inflight > 0) await new Promise<void>((r) => (drained = r));
          server.closeAllConnections();
          await new Promise<void>((r) => server.close(() => r()));
        },
      })),
  );
}

interface Figures {
  rps: number;
  p50: number;
  p95: number;
  errors: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function load(url: string, token: string | null, seconds: number): Promise<Figures> {
  const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'kb_search', arguments: { query: 'password reset', limit: 3 } } });
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json, text/event-stream', 'mcp-protocol-version': '2025-11-25' };
  if (token) headers.authorization = `Bearer ${token}`;
  const latencies: number[] = [];
  const result = await new Promise<{ requests: { average: number }; non2xx: number; errors: number; timeouts: number }>((resolve, reject) => {
    const inst = autocannon({ url, method: 'POST', headers, body, connections: CONNECTIONS, duration: seconds }, (err, r) => (err ? reject(err) : resolve(r)));
    inst.on('response', (_c, _s, _b, ms) => latencies.push(ms));
  });
  latencies.sort((a, b) => a - b);
  return { rps: result.requests.average, p50: percentile(latencies, 50), p95: percentile(latencies, 95), errors: result.non2xx + result.errors + result.timeouts };
}

async function main() {
  const admin = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
  if (admin) Object.assign(process.env, { TEST_DB_KIND: 'postgres', TEST_DATABASE_URL: admin });
  console.log(`Preparing a fresh ${admin ? 'PostgreSQL' : 'embedded PGlite'} database (migrations + demo seed)…`);
  const testDb = await createTestDatabase();
  process.env.DATABASE_URL = testDb.url;
  Object.assign(process.env, { NODE_ENV: 'production' });
  const { getDb, disconnectDb } = await import('@/lib/server/db/client');
  const { handleMcpRequest } = await import('@/mcp-server/http');
  const { bareHandler } = await import('./bench-bare-server');
  const { tokenFor } = await import('@/lib/testing/mcp');
  const db = await getDb();

  // Limits out of the way (they are still checked and counted on every call).
  const acme = await db.tenant.findUniqueOrThrow({ where: { slug: 'acme' } });
  const kb = await db.tool.findUniqueOrThrow({ where: { slug: 'kb_search' } });
  await db.tenantToolPolicy.upsert({
    where: { tenantId_toolId: { tenantId: acme.id, toolId: kb.id } },
    create: { tenantId: acme.id, toolId: kb.id, requestsPerMinute: 10_000_000, callsPerDay: 1_000_000_000 },
    update: { requestsPerMinute: 10_000_000, callsPerDay: 1_000_000_000 },
  });
  const { token } = await tokenFor('acme', { name: 'bench' });

  // The bare server: the official SDK, stateless, the same executor on the same database, nothing else.
  const bare = await serve(bareHandler(db, { id: acme.id, slug: acme.slug, name: acme.name }));
  const governed = await serve((req) => handleMcpRequest(req));

  if (process.env.BENCH_ONLY === 'governed' || process.env.BENCH_ONLY === 'bare') {
    const only = process.env.BENCH_ONLY === 'governed' ? { url: governed.url, token } : { url: bare.url, token: null };
    await load(only.url, only.token, 2);
    const f = await load(only.url, only.token, SECONDS);
    console.log(`${process.env.BENCH_ONLY}: ${f.rps.toFixed(0)} calls/s, p50 ${f.p50.toFixed(1)} ms, p95 ${f.p95.toFixed(1)} ms, errors ${f.errors}`);
    await Promise.all([bare.close(), governed.close()]);
    await disconnectDb();
    await testDb.teardown();
    return;
  }
  console.log(`Warming up, then ${SECONDS} s per server with ${CONNECTIONS} connections…`);
  await load(bare.url, null, 2);
  await load(governed.url, token, 2);
  const b = await load(bare.url, null, SECONDS);
  const g = await load(governed.url, token, SECONDS);
  const audited = await db.auditEvent.count({ where: { action: 'tool.called', actorLabel: 'token:bench' } });

  const row = (name: string, f: Figures) => `${name.padEnd(26)} ${f.rps.toFixed(0).padStart(8)} ${f.p50.toFixed(1).padStart(8)} ${f.p95.toFixed(1).padStart(8)} ${String(f.errors).padStart(7)}`;
  console.log(`\n${'server'.padEnd(26)} ${'calls/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'errors'.padStart(7)}`);
  console.log(row('bare MCP SDK server', b));
  console.log(row('governed /mcp pipeline', g));
  console.log(`\nthroughput ratio (governed / bare): ${((g.rps / b.rps) * 100).toFixed(1)}%   (goal ≥ 70%)`);
  console.log(`added p95 latency: ${(g.p95 - b.p95).toFixed(1)} ms   (goal < 5 ms)   added p50: ${(g.p50 - b.p50).toFixed(1)} ms`);
  console.log(`audit records written by the governed run: ${audited} (one per call, including warm-up)`);
  console.log(`database: ${testDb.kind}`);

  await Promise.all([bare.close(), governed.close()]);
  await disconnectDb();
  await testDb.teardown();
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
