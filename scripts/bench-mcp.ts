// npm run bench:mcp — load test of tools/call (kb_search, read-only) through the full governed pipeline, against a
// bare MCP SDK server (scripts/bench-bare-server.ts) serving the same tool on the same database in the same run.
// A benchmark, not a test: it prints figures and never fails on them.
//
// Two modes (BENCH_MODE):
//   e2e (default)  the governed server is the real app as `npm start` runs it (built if needed, its own process,
//                  scripts/serve.ts), and the bare one runs in a process of its own too (scripts/bench-bare-serve.ts):
//                  both called over HTTP on loopback, each process's CPU read from /proc: what users get.
//   inprocess      the governed pipeline in this process behind the same small Node http bridge as the bare
//                  server: the pipeline's own cost, without the production server around it.
//
// Background noise (a shared VM) makes a single run swing by 2×, so the run is made of interleaved rounds: each
// round loads bare and governed back to back (alternating which goes first), and the summary gives the medians over
// rounds — median calls/s, p50 and p95 per server, and the median of the per-round ratios and added latencies (each
// round compares two servers measured under the same noise), plus the CPU time a call costs this process and the
// local PostgreSQL (steadier than throughput). Between loads the server drains its in-flight calls, so one load
// never overlaps the next and no call is cut off when the pools close. The rounds start at steady state: after the
// seeded database is vacuumed and the app has caught up on its history (settle()), and a warm-up load of each server.
//
//   BENCH_DATABASE_URL (or TEST_DATABASE_URL)  a fresh database on that PostgreSQL server (recommended);
//                                              otherwise an embedded PGlite in a temporary directory
//   BENCH_ROUNDS       rounds (default 5)
//   BENCH_SECONDS      seconds per server per round (default 5)
//   BENCH_CONNECTIONS  concurrent keep-alive connections (default 10)
//   BENCH_ERA=2025|2026  the protocol revision the calls speak: 2025-11-25 (default; what most agents send today)
//                        or 2026-07-28 (per-request _meta envelope and Mcp-Method/Mcp-Name headers)
//   BENCH_ONLY=governed|bare  loads one server only (rounds of that server alone)
//   BENCH_PROFILE=file.cpuprofile  CPU profiles over the measured rounds only (not the set-up or warm-up), to open in
//                                  Chrome DevTools: in e2e mode one per server process (file.governed.cpuprofile,
//                                  file.bare.cpuprofile; SIGUSR2 starts and stops them, scripts/bench-profile.ts), in
//                                  process one of this process (file.cpuprofile)
//
// CPU per call (read from /proc, Linux): the server's own CPU time (for the app: the process answering requests and
// its background process, scripts/serve-background.ts) and that of the PostgreSQL backends serving the benchmark's database, divided by the calls answered. On a busy machine it stays comparable where calls/s do not.
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import inspector from 'node:inspector/promises';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import { createTestDatabase } from '@/lib/testing/test-database';
import { serve, type Served } from './bench-http';
import { cpuMeter, processCpuMicros, profiledPid } from './bench-proc';

const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS || 5));
const SECONDS = Number(process.env.BENCH_SECONDS || 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 10);

interface Figures {
  rps: number;
  p50: number;
  p95: number;
  errors: number;
  /** Calls answered with a 2xx. */
  ok: number;
  /**
   * CPU time per answered call, in µs: the server's own process (in-process mode: this whole process, load generator
   * included), and the PostgreSQL backends serving the benchmark's database (NaN on PGlite or a remote server).
   */
  nodeCpu: number;
  pgCpu: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const ERA = process.env.BENCH_ERA === '2026' ? '2026-07-28' : '2025-11-25';
const ENVELOPE = { 'io.modelcontextprotocol/protocolVersion': ERA, 'io.modelcontextprotocol/clientInfo': { name: 'bench', version: '1' }, 'io.modelcontextprotocol/clientCapabilities': {} };
const BODY = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'kb_search', arguments: { query: 'password reset', limit: 3 }, ...(ERA === '2026-07-28' ? { _meta: ENVELOPE } : {}) } });
const HEADERS: Record<string, string> = {
  'content-type': 'application/json', accept: 'application/json, text/event-stream', 'mcp-protocol-version': ERA,
  ...(ERA === '2026-07-28' ? { 'mcp-method': 'tools/call', 'mcp-name': 'kb_search' } : {}),
};

/** One call before any load: a server that answers with an error instead of a result would make the figures meaningless. */
async function probe(target: Served, token: string | null): Promise<void> {
  const res = await fetch(target.url, { method: 'POST', headers: { ...HEADERS, ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: BODY });
  const text = await res.text();
  const answer = JSON.parse(text) as { result?: { isError?: boolean; structuredContent?: { articles?: unknown[] } } };
  if (!res.ok || !answer.result || answer.result.isError || !answer.result.structuredContent?.articles?.length) throw new Error(`${target.url} did not answer the benchmark call with articles: ${res.status} ${text.slice(0, 300)}${target.output ? `\nits output:\n${target.output().slice(-3000)}` : ''}`);
}

/** Loads one server for `seconds`, then waits until it has finished every call it accepted. */
async function load(target: Served, token: string | null, seconds: number): Promise<Figures> {
  const headers = { ...HEADERS };
  if (token) headers.authorization = `Bearer ${token}`;
  const latencies: number[] = [];
  const cpu0 = process.cpuUsage();
  const pg = PG_MARKER ? cpuMeter(PG_MARKER) : null;
  const remote0 = target.cpu?.() ?? 0;
  const result = await new Promise<{ requests: { average: number; total: number }; non2xx: number; errors: number; timeouts: number }>((resolve, reject) => {
    const inst = autocannon({ url: target.url, method: 'POST', headers, body: BODY, connections: CONNECTIONS, duration: seconds }, (err, r) => (err ? reject(err) : resolve(r)));
    inst.on('response', (_c, _s, _b, ms) => latencies.push(ms));
  });
  await target.idle();
  const cpu = process.cpuUsage(cpu0);
  const pgCpu = pg ? pg.stop() : NaN;
  const serverCpu = target.cpu ? target.cpu() - remote0 : cpu.user + cpu.system;
  latencies.sort((a, b) => a - b);
  const ok = result.requests.total - result.non2xx;
  return { rps: result.requests.average, p50: percentile(latencies, 50), p95: percentile(latencies, 95), errors: result.non2xx + result.errors + result.timeouts, ok, nodeCpu: serverCpu / ok, pgCpu: pgCpu / ok };
}

const MODE = process.env.BENCH_MODE === 'inprocess' ? 'inprocess' : 'e2e';
/** What the command line of a PostgreSQL backend serving the benchmark database contains (set once it exists). */
let PG_MARKER = '';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/**
 * The real app as `npm start` runs it (scripts/start.ts: builds when the sources changed, then scripts/serve.ts),
 * in its own process group on a free port, on the benchmark's database. Its CPU is read from /proc.
 */
/** The bare server in its own process (scripts/bench-bare-serve.ts), like the app: both measured the same way. */
/** Where a server process writes its CPU profile (BENCH_PROFILE=x.cpuprofile → x.governed.cpuprofile, x.bare.cpuprofile). */
function profileFile(server: 'governed' | 'bare'): string {
  const file = process.env.BENCH_PROFILE;
  return file && MODE === 'e2e' ? file.replace(/(\.cpuprofile)?$/, `.${server}.cpuprofile`) : '';
}

async function startBare(databaseUrl: string): Promise<Served> {
  const child = spawn('npx', ['tsx', '--conditions=react-server', 'scripts/bench-bare-serve.ts'], { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DATABASE_URL: databaseUrl, PORT: '0', NODE_ENV: 'production', CPU_PROFILE_FILE: profileFile('bare') } });
  let log = '';
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      log += d.toString();
      const m = /listening (\d+)/.exec(log);
      if (m) resolve(Number(m[1]));
    });
    child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
    child.on('exit', (code) => reject(new Error(`the bare server exited (${code}):\n${log.slice(-2000)}`)));
  });
  child.removeAllListeners('exit');
  return {
    url: `http://localhost:${port}/mcp`, output: () => log, idle: async () => undefined, cpu: () => processCpuMicros('scripts/bench-bare-serve.ts'), pid: () => profiledPid('scripts/bench-bare-serve.ts'),
    close: async () => {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        // already gone
      }
    },
  };
}

async function startApp(databaseUrl: string, secretsKeys: string): Promise<Served & { child: ChildProcess }> {
  const port = await freePort();
  const child = spawn('npx', ['tsx', '--conditions=react-server', 'scripts/start.ts'], {
    detached: true, stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, AUDIT_SEALER_DISABLED: APP_SEALER_DISABLED, CPU_PROFILE_FILE: profileFile('governed'), PORT: String(port), DATABASE_URL: databaseUrl, SEED_DEMO: '0', NEXTAUTH_SECRET: crypto.randomBytes(32).toString('base64url'), NEXTAUTH_URL: `http://localhost:${port}`, SECRETS_MASTER_KEYS: secretsKeys, NODE_ENV: 'production',
      AUDIT_SIGNING_KEY: process.env.AUDIT_SIGNING_KEY || crypto.generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString() },
  });
  let log = '';
  child.stdout!.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  const exited = new Promise<never>((_, reject) => child.on('exit', (code) => reject(new Error(`npm start exited (${code}) before serving:\n${log.slice(-3000)}`))));
  const ready = (async () => {
    for (;;) {
      const ok = await fetch(`http://localhost:${port}/api/health`).then((r) => r.ok, () => false);
      if (ok) return;
      await new Promise((r) => setTimeout(r, 500));
    }
  })();
  console.log(`Starting the app as npm start does (building first if its sources changed) on port ${port}…`);
  await Promise.race([ready, exited]);
  const marker = 'scripts/serve.ts';
  // The app's CPU: the process serving the calls and its background process (sealer, rollups, health checks).
  const cpu = () => processCpuMicros(marker) + processCpuMicros('scripts/serve-background.ts');
  return {
    child, url: `http://localhost:${port}/mcp`, output: () => log, idle: async () => undefined, cpu, pid: () => profiledPid(marker),
    close: async () => {
      child.removeAllListeners('exit');
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        // already gone
      }
    },
  };
}

const WARM_UP_SECONDS = 3;
const SETTLE_LIMIT_MS = 180_000;

/**
 * Steady state before the first round. The benchmark database was just seeded (months of demo history), so the app
 * starts by catching up on it: its background process seals the seeded audit events and builds the Metrics rollups
 * from them, for several seconds at up to a whole core. Measured during that, a call looked up to twice as expensive
 * as later on, for both servers, as they share the machine. So the database is vacuumed and analysed once (as after
 * any bulk load), then the benchmark waits until the servers' processes are quiet (under a tenth of a core over two
 * consecutive seconds), within SETTLE_LIMIT_MS.
 */
async function settle(db: { $executeRawUnsafe: (sql: string) => Promise<number> }, targets: Served[]): Promise<void> {
  const t0 = Date.now();
  await db.$executeRawUnsafe('VACUUM (ANALYZE)');
  let quiet = 0;
  while (quiet < 2 && Date.now() - t0 < SETTLE_LIMIT_MS) {
    const before = targets.map((t) => t.cpu?.() ?? 0);
    await new Promise((r) => setTimeout(r, 1000));
    const used = targets.reduce((sum, t, i) => sum + ((t.cpu?.() ?? 0) - before[i]!), 0);
    quiet = Number.isNaN(used) || used < 100_000 ? quiet + 1 : 0;
  }
  const secs = ((Date.now() - t0) / 1000).toFixed(0);
  console.log(quiet >= 2 ? `The servers were quiet after ${secs} s (the app caught up on the seeded history first).` : `The servers were still busy after ${secs} s: the first rounds may cost more per call.`);
}

const num = (x: number, w: number, d = 1) => x.toFixed(d).padStart(w);
const header = () => `${'round'.padEnd(7)} ${'server'.padEnd(9)} ${'calls/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'errors'.padStart(7)}   CPU µs/call: ${'server'.padStart(6)} ${'pg'.padStart(6)}`;
const row = (round: string, name: string, f: Figures) => `${round.padEnd(7)} ${name.padEnd(9)} ${num(f.rps, 8, 0)} ${num(f.p50, 8)} ${num(f.p95, 8)} ${String(f.errors).padStart(7)}   ${''.padEnd(12)} ${num(f.nodeCpu, 6, 0)} ${num(f.pgCpu, 6, 0)}`;
const medianOf = (xs: Figures[]): Figures => {
  const m = (k: 'rps' | 'p50' | 'p95' | 'nodeCpu' | 'pgCpu') => median(xs.map((f) => f[k]));
  return { rps: m('rps'), p50: m('p50'), p95: m('p95'), nodeCpu: m('nodeCpu'), pgCpu: m('pgCpu'), errors: xs.reduce((n, f) => n + f.errors, 0), ok: xs.reduce((n, f) => n + f.ok, 0) };
};

/** The app's own setting: in e2e mode its process runs the audit sealer, and this one (which seeds) does not. */
const APP_SEALER_DISABLED = process.env.AUDIT_SEALER_DISABLED ?? '';

async function main() {
  if (MODE === 'e2e') process.env.AUDIT_SEALER_DISABLED = '1';
  const admin = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
  if (admin) Object.assign(process.env, { TEST_DB_KIND: 'postgres', TEST_DATABASE_URL: admin });
  if (MODE === 'e2e' && !admin) throw new Error('BENCH_MODE=e2e runs the app on PostgreSQL: set BENCH_DATABASE_URL or TEST_DATABASE_URL (or BENCH_MODE=inprocess).');
  process.env.SECRETS_MASTER_KEYS ||= `bench:${crypto.randomBytes(32).toString('base64')}`;
  console.log(`Preparing a fresh ${admin ? 'PostgreSQL' : 'embedded PGlite'} database (migrations + demo seed)…`);
  const testDb = await createTestDatabase();
  process.env.DATABASE_URL = testDb.url;
  if (testDb.kind === 'postgres') PG_MARKER = ` ${new URL(testDb.url).pathname.slice(1)} `;
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
  const bare = MODE === 'e2e' ? await startBare(testDb.url) : await serve(bareHandler(db, { id: acme.id, slug: acme.slug, name: acme.name }));
  started.push(bare);
  const governed = MODE === 'e2e' ? await startApp(testDb.url, process.env.SECRETS_MASTER_KEYS!) : await serve((req) => handleMcpRequest(req));
  started.push(governed);
  const servers = { bare: { target: bare, token: null }, governed: { target: governed, token } } as const;
  type Name = keyof typeof servers;
  const only = process.env.BENCH_ONLY === 'governed' || process.env.BENCH_ONLY === 'bare' ? (process.env.BENCH_ONLY as Name) : null;
  const names: Name[] = only ? [only] : ['bare', 'governed'];

  console.log(`Mode: ${MODE === 'e2e' ? 'end to end (governed = the app as npm start runs it, over HTTP)' : 'in process (governed pipeline behind a Node http bridge in this process)'}.`);
  console.log(`Warming up, then ${ROUNDS} round(s) of ${SECONDS} s per server (${names.join(' and ')}) with ${CONNECTIONS} connections, protocol revision ${ERA}…\n`);
  for (const n of names) await probe(servers[n].target, servers[n].token);
  await settle(db, names.map((n) => servers[n].target));
  for (const n of names) await load(servers[n].target, servers[n].token, WARM_UP_SECONDS);
  const auditedBefore = await db.auditEvent.count({ where: { action: 'tool.called', actorLabel: 'token:bench' } });

  // BENCH_PROFILE: in e2e mode each server process profiles itself (SIGUSR2 starts and stops it, scripts/bench-profile.ts);
  // in process, this process is profiled.
  const profiled = MODE === 'e2e' && process.env.BENCH_PROFILE ? names.map((n) => ({ name: n, pid: servers[n].target.pid?.() ?? null })) : [];
  for (const p of profiled) if (p.pid) process.kill(p.pid, 'SIGUSR2');
  const profiler = MODE === 'inprocess' && process.env.BENCH_PROFILE ? new inspector.Session() : null;
  if (profiler) {
    profiler.connect();
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.start');
  }
  console.log(header());
  const results: Record<Name, Figures[]> = { bare: [], governed: [] };
  const ratios: number[] = [];
  const addedP95: number[] = [];
  const addedP50: number[] = [];
  for (let r = 1; r <= ROUNDS; r++) {
    const order = r % 2 === 1 ? names : [...names].reverse();
    const round: Partial<Record<Name, Figures>> = {};
    for (const n of order) {
      const f = await load(servers[n].target, servers[n].token, SECONDS);
      round[n] = f;
      results[n].push(f);
      console.log(row(String(r), n, f));
    }
    if (round.bare && round.governed) {
      ratios.push(round.governed.rps / round.bare.rps);
      addedP95.push(round.governed.p95 - round.bare.p95);
      addedP50.push(round.governed.p50 - round.bare.p50);
      console.log(`${''.padEnd(7)} ${'ratio'.padEnd(9)} ${num((round.governed.rps / round.bare.rps) * 100, 7)}%   added p50 ${num(round.governed.p50 - round.bare.p50, 0)} ms, p95 ${num(round.governed.p95 - round.bare.p95, 0)} ms`);
    }
  }
  if (profiler) {
    const { profile } = await profiler.post('Profiler.stop');
    fs.writeFileSync(process.env.BENCH_PROFILE!, JSON.stringify(profile));
    profiler.disconnect();
    console.log(`CPU profile of the measured rounds written to ${process.env.BENCH_PROFILE}`);
  }
  for (const p of profiled) {
    if (!p.pid) {
      console.log(`(no CPU profile of the ${p.name} server: its process was not found)`);
      continue;
    }
    const file = profileFile(p.name);
    fs.rmSync(file, { force: true });
    process.kill(p.pid, 'SIGUSR2');
    for (let i = 0; i < 100 && !fs.existsSync(file); i++) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 500)); // the write completes
    console.log(`CPU profile of the ${p.name} server over the measured rounds written to ${file}`);
  }
  const audited = (await db.auditEvent.count({ where: { action: 'tool.called', actorLabel: 'token:bench' } })) - auditedBefore;

  console.log(`\nmedians over ${ROUNDS} round(s):`);
  console.log(header());
  for (const n of names) console.log(row('median', n, medianOf(results[n])));
  if (ratios.length) {
    console.log(`\nthroughput ratio (governed / bare), median of rounds: ${(median(ratios) * 100).toFixed(1)}%   (goal ≥ 70%; rounds ${ratios.map((x) => (x * 100).toFixed(0)).join(', ')})`);
    console.log(`added p50 latency, median of rounds: ${median(addedP50).toFixed(1)} ms   (goal < 3 ms; rounds ${addedP50.map((x) => x.toFixed(1)).join(', ')})`);
    console.log(`added p95 latency, median of rounds: ${median(addedP95).toFixed(1)} ms   (rounds ${addedP95.map((x) => x.toFixed(1)).join(', ')})`);
    // CPU per call over all rounds (CPU time summed, divided by the calls answered): steadier than a median of rounds.
    const perCall = (fs: Figures[], k: 'nodeCpu' | 'pgCpu') => fs.reduce((t, f) => t + f[k] * f.ok, 0) / fs.reduce((n, f) => n + f.ok, 0);
    const [gn, gp, bn, bp] = [perCall(results.governed, 'nodeCpu'), perCall(results.governed, 'pgCpu'), perCall(results.bare, 'nodeCpu'), perCall(results.bare, 'pgCpu')];
    const where = MODE === 'e2e' ? 'its server processes' : 'this process, load generator included';
    console.log(`CPU per call over all rounds (${where} + the PostgreSQL backends of the benchmark database): governed ${gn.toFixed(0)} + ${gp.toFixed(0)} µs, bare ${bn.toFixed(0)} + ${bp.toFixed(0)} µs; governed / bare: ${((gn + gp) / (bn + bp)).toFixed(2)}× in total, ${(gn / bn).toFixed(2)}× in Node`);
  }
  if (results.governed.length) {
    const answered = results.governed.reduce((n, f) => n + f.ok, 0);
    console.log(`audit records written during the governed rounds: ${audited} for ${answered} calls answered (one per call; a few more for calls cut off when a load stops)`);
  }
  console.log(`database: ${testDb.kind}; mode: ${MODE}`);

  await Promise.all([bare.close(), governed.close()]);
  await disconnectDb();
  await testDb.teardown();
}

/** The servers started so far, stopped when the benchmark fails (the e2e ones are process groups of their own). */
const started: Served[] = [];

main().then(
  () => process.exit(0),
  async (e: unknown) => {
    console.error(e);
    await Promise.all(started.map((s) => s.close().catch(() => undefined)));
    process.exit(1);
  },
);
