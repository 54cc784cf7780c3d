// npm start: build when there is no current build, apply pending migrations, seed (idempotent),
// then serve the portal and /mcp on PORT (default 3000).
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { resolveDatabaseTarget } from '@/lib/server/db/connection';
import { readOrCreateLocalKey } from '@/lib/server/local-key';
import { applyMigrations } from '@/lib/server/db/schema-engine';
import { createPrisma } from '@/lib/server/db/client';
import { seedDatabase } from '@/prisma/seed';
import { forComponent } from '@/lib/server/logger';
import { buildOnce } from './build-lock';

const require = createRequire(import.meta.url);
const NEXT_BIN = require.resolve('next/dist/bin/next');
const TSX_LOADER = pathToFileURL(require.resolve('tsx')).href;
const SERVER_HOOKS = pathToFileURL(path.resolve('scripts/server-hooks.mjs')).href;
const SERVE_SCRIPT = path.resolve('scripts/serve.ts');
/**
 * Node flags of the server process. AsyncLocalStorage without promise hooks where the runtime offers it (Node 22.7+;
 * the default from Node 24): Next's request stores, once used, otherwise install hooks that run on every promise of
 * the process, /mcp calls included (about 2% of a call's CPU in profiles of the benchmark).
 */
const SERVER_NODE_FLAGS = process.allowedNodeEnvironmentFlags.has('--experimental-async-context-frame') ? ['--experimental-async-context-frame'] : [];
const SOURCES = ['app', 'components', 'lib', 'mcp-server', 'public', 'prisma/schema.prisma', 'next.config.ts', 'package-lock.json', 'postcss.config.mjs', 'tsconfig.json'];
const DIST_DIR = process.env.NEXT_DIST_DIR || '.next';
const STAMP = path.resolve(DIST_DIR, 'source-hash');

function hashSources(): string {
  const h = crypto.createHash('sha256');
  const walk = (p: string) => {
    if (!fs.existsSync(p)) return;
    const st = fs.statSync(p);
    if (st.isDirectory()) {
      for (const e of fs.readdirSync(p).sort()) if (e !== 'node_modules' && !e.startsWith('.')) walk(path.join(p, e));
    } else if (!/\.(test|int\.test)\.tsx?$/.test(p)) {
      h.update(p).update(fs.readFileSync(p));
    }
  };
  SOURCES.forEach(walk);
  return h.digest('hex');
}

const startLog = forComponent('start');

function log(msg: string) {
  startLog.info(msg);
}

function buildIsCurrent(hash: string): boolean {
  return fs.existsSync(path.join(DIST_DIR, 'BUILD_ID')) && fs.existsSync(STAMP) && fs.readFileSync(STAMP, 'utf8') === hash;
}

/** Builds when the sources changed; several replicas started from one directory build once (scripts/build-lock.ts). */
async function ensureBuild() {
  const hash = hashSources();
  await buildOnce(`${path.resolve(DIST_DIR)}.build-lock`, () => buildIsCurrent(hash), () => {
    log('no current build: running next build (about a minute)…');
    const r = spawnSync(process.execPath, [NEXT_BIN, 'build'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' } });
    if (r.status !== 0) throw new Error('next build failed (see above).');
    fs.writeFileSync(STAMP, hash);
  }, log);
}

async function prepareDatabase() {
  const target = await resolveDatabaseTarget();
  try {
    const applied = await applyMigrations(target.url);
    log(applied.length ? `applied migrations: ${applied.join(', ')}` : 'database schema is up to date');
    const demo = process.env.SEED_DEMO === '1' || process.env.SEED_DEMO === 'true' || (!process.env.DATABASE_URL && process.env.SEED_DEMO !== '0');
    const db = createPrisma(target.url, 2);
    await seedDatabase(db, { demo });
    await db.$disconnect();
    log(`seeded${demo ? ' (demo data)' : ''}`);
  } finally {
    await target.owner?.close();
  }
}

async function main() {
  if (process.env.DATABASE_URL === '') delete process.env.DATABASE_URL; // empty means "use the embedded database"
  const port = Number(process.env.PORT || 3000);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`PORT must be a TCP port number (got "${process.env.PORT}").`);
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' };
  if (!env.NEXTAUTH_SECRET) {
    if (env.DATABASE_URL) throw new Error('NEXTAUTH_SECRET must be set when DATABASE_URL is set (all replicas share it).');
    env.NEXTAUTH_SECRET = readOrCreateLocalKey('nextauth-secret', () => crypto.randomBytes(32).toString('base64url'));
  }
  env.NEXTAUTH_URL ??= `http://localhost:${port}`;
  Object.assign(process.env, { NEXTAUTH_SECRET: env.NEXTAUTH_SECRET });
  if (process.env.SKIP_BUILD !== '1') await ensureBuild();
  await prepareDatabase();
  log(`serving on http://localhost:${port} (portal) and http://localhost:${port}/mcp`);
  // The server is a process of its own, without this script's react-server condition (Next needs the default
  // conditions): scripts/serve.ts, which answers /mcp ahead of Next's router and the rest through Next.
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, '--import', TSX_LOADER, '--import', SERVER_HOOKS, SERVE_SCRIPT], { stdio: 'inherit', env: { ...env, PORT: String(port) } });
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => child.kill(sig));
  child.on('exit', (code) => process.exit(code ?? 0));
}

main().catch((e: unknown) => {
  startLog.fatal({ err: e }, e instanceof Error ? e.message : String(e));
  process.exit(1);
});
