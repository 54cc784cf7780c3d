// npm run bench:approvals — how long an agent waits, once an operator clicks "approve", to see its held call executed.
// A benchmark, not a test: it prints figures and never fails on them (goal: p95 under 1 s).
//
// It starts the real server as `npm start` does (scripts/start.ts: build when needed, migrations, demo seed, next start)
// on a fresh embedded database in a temporary directory and a free port, creates an acme agent token of the finance
// team (the one payment_refund is switched on for) through the published database, as `npm run token:create` does,
// and signs in as operator@acme through next-auth's credentials flow. Then, for each round: the agent calls
// payment_refund (1 EUR on a paid acme invoice) over HTTP JSON-RPC and is held; the agent starts polling
// approval_status; the operator POSTs the approval to /api/v1/approvals/{id}/decision; the round's time runs from just
// before that POST to the poll that sees `executed`. Warm-up rounds (first compilation of each route) are not counted.
//
//   BENCH_ROUNDS     measured rounds (default 50)
//   BENCH_WARMUP     rounds before them, not counted (default 3)
//   BENCH_POLL_MS    the agent's pause between two approval_status calls (default 50); it bounds the added wait
//   BENCH_KEEP=1     keep the temporary data directory (its path is printed)
//   NEXT_DIST_DIR    where the build goes, as for npm start (default .next)
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS || 50));
const WARMUP = Math.max(0, Number(process.env.BENCH_WARMUP ?? 3));
const POLL_MS = Math.max(0, Number(process.env.BENCH_POLL_MS ?? 50));
const ROOT = path.resolve(import.meta.dirname, '..');
const OPERATOR = { email: 'operator@acme.example', password: 'demo-password' };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer().once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** `npm start`'s script, in its own process group so that the server it spawns stops with it. */
function startServer(port: number, dataDir: string, log: string): ChildProcess {
  const tsx = createRequire(import.meta.url).resolve('tsx/cli');
  const out = fs.openSync(log, 'a');
  return spawn(process.execPath, [tsx, '--conditions=react-server', 'scripts/start.ts'], {
    cwd: ROOT, detached: true, stdio: ['ignore', out, out],
    env: { ...process.env, PORT: String(port), PGLITE_DATA_DIR: dataDir, DATABASE_URL: '', SEED_DEMO: '1', NEXTAUTH_URL: `http://localhost:${port}` },
  });
}

async function waitForHealth(base: string, server: ChildProcess, log: string): Promise<void> {
  const deadline = Date.now() + 15 * 60_000; // a first build takes a few minutes on two cores
  let exited = false;
  server.once('exit', () => (exited = true));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`the server stopped before answering; its log:\n${fs.readFileSync(log, 'utf8').slice(-3000)}`);
    const ok = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`the server did not answer /api/health within 15 minutes; its log: ${log}`);
}

/** next-auth credentials sign-in; returns the Cookie header of the session. */
async function signIn(base: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      jar.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const csrf = await fetch(`${base}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST', redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email: OPERATOR.email, password: OPERATOR.password, callbackUrl: `${base}/approvals`, json: 'true' }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.endsWith('next-auth.session-token'))) throw new Error(`signing in as ${OPERATOR.email} failed (${res.status}).`);
  return cookie();
}

interface RpcResult { isError?: boolean; content?: { text?: string }[]; structuredContent?: Record<string, unknown>; _meta?: Record<string, unknown> }

function mcp(base: string, token: string) {
  let id = 0;
  return async (name: string, args: Record<string, unknown>): Promise<RpcResult> => {
    const res = await fetch(`${base}/mcp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', 'mcp-protocol-version': '2025-11-25', authorization: `Bearer ${token}` },
      body: JSON.stringify({ jsonrpc: '2.0', id: ++id, method: 'tools/call', params: { name, arguments: args } }),
    });
    const text = await res.text();
    const answer = JSON.parse(text) as { result?: RpcResult; error?: { message: string } };
    if (!answer.result) throw new Error(`${name}: ${res.status} ${answer.error?.message ?? text.slice(0, 300)}`);
    return answer.result;
  };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-approvals-'));
  const log = path.join(dataDir, 'server.log');
  const port = await freePort();
  const base = `http://localhost:${port}`;
  console.log(`Starting the server as npm start does (embedded database in ${dataDir}, port ${port}; log in ${log})…`);
  const server = startServer(port, dataDir, log);
  const stop = () => {
    try {
      process.kill(-server.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  process.on('SIGINT', () => {
    stop();
    process.exit(130);
  });
  try {
    await waitForHealth(base, server, log);

    // Through the database the server publishes, as the token CLI does.
    Object.assign(process.env, { PGLITE_DATA_DIR: dataDir });
    delete process.env.DATABASE_URL;
    const { getDb, disconnectDb } = await import('@/lib/server/db/client');
    const { createAgentToken } = await import('@/lib/services/agent-tokens/create-agent-token');
    const db = await getDb();
    const acme = await db.tenant.findUniqueOrThrow({ where: { slug: 'acme' } });
    const finance = await db.team.findUniqueOrThrow({ where: { tenantId_slug: { tenantId: acme.id, slug: 'finance' } } });
    const refund = await db.tool.findUniqueOrThrow({ where: { slug: 'payment_refund' } });
    // The demo's refund limits (10 a minute) would refuse most rounds: out of the way, still checked on every call.
    await db.tenantToolPolicy.update({ where: { tenantId_toolId: { tenantId: acme.id, toolId: refund.id } }, data: { requestsPerMinute: 100_000, callsPerDay: 1_000_000 } });
    const system = { kind: 'system' as const, id: 'bench', label: 'bench:approvals', tenantId: null, teamIds: [], roles: ['platform_admin' as const], via: 'cli' as const, ip: null };
    const { token } = await createAgentToken({ actor: system, tenantId: acme.id, name: `bench-approvals-${Date.now()}`, teamId: finance.id, scopes: [] });
    const invoices = (await db.$queryRawUnsafe<{ id: number }[]>(`SELECT id FROM ds_acme.invoices WHERE status IN ('paid', 'partially_refunded') AND amount - refunded >= 10 ORDER BY id`)).map((r) => r.id);
    await disconnectDb();
    if (invoices.length === 0) throw new Error('acme has no refundable invoice.');

    const call = mcp(base, token);
    const cookie = await signIn(base);
    const round = async (i: number): Promise<{ ms: number; status: string }> => {
      const held = await call('payment_refund', { invoiceId: invoices[i % invoices.length]!, amount: 1, reason: `bench:approvals round ${i}` });
      const approvalId = held._meta?.approvalId;
      if (typeof approvalId !== 'string') throw new Error(`payment_refund was not held for approval: ${held.content?.[0]?.text ?? JSON.stringify(held)}`);
      let refused: Error | null = null;
      const started = performance.now();
      const decision = fetch(`${base}/api/v1/approvals/${approvalId}/decision`, {
        method: 'POST', headers: { 'content-type': 'application/json', cookie, origin: base }, body: JSON.stringify({ decision: 'approve', reason: '' }),
      }).then(async (r) => {
        if (!r.ok) refused = new Error(`the decision was refused: ${r.status} ${(await r.text()).slice(0, 300)}`);
      });
      // The agent, meanwhile, follows its call until it is over.
      for (;;) {
        const s = await call('approval_status', { approvalId });
        const status = String(s.structuredContent?.status ?? 'unknown');
        if (!['pending', 'approved', 'executing'].includes(status)) {
          const ms = performance.now() - started;
          await decision;
          return { ms, status };
        }
        if (refused) throw refused;
        if (performance.now() - started > 60_000) throw new Error(`approval ${approvalId} is still ${status} a minute after the decision.`);
        if (POLL_MS) await new Promise((r) => setTimeout(r, POLL_MS));
      }
    };

    console.log(`Warming up (${WARMUP} round(s)), then ${ROUNDS} measured rounds; the agent polls approval_status every ${POLL_MS} ms…`);
    for (let i = 0; i < WARMUP; i++) await round(i);
    const times: number[] = [];
    const other: Record<string, number> = {};
    for (let i = WARMUP; i < WARMUP + ROUNDS; i++) {
      const r = await round(i);
      if (r.status === 'executed') times.push(r.ms);
      else other[r.status] = (other[r.status] ?? 0) + 1;
    }
    times.sort((a, b) => a - b);
    const f = (x: number) => `${x.toFixed(0)} ms`;
    console.log(`\napproving click → agent sees "executed" (payment_refund, embedded database, ${ROUNDS} rounds):`);
    if (times.length) console.log(`  executed ${times.length}/${ROUNDS}   p50 ${f(percentile(times, 50))}   p95 ${f(percentile(times, 95))}   max ${f(times.at(-1)!)}   (goal: p95 under 1 s)`);
    if (Object.keys(other).length) console.log(`  rounds that ended otherwise: ${Object.entries(other).map(([k, n]) => `${k} ${n}`).join(', ')}`);
  } finally {
    stop();
    await new Promise((r) => setTimeout(r, 1000));
    if (process.env.BENCH_KEEP === '1') console.log(`kept ${dataDir}`);
    else fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(`[bench:approvals] ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
