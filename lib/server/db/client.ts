// The one Prisma client of the process (a lazy singleton that survives hot reloads).
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { resolveDatabaseTarget, type DatabaseTarget } from './connection';

interface DbState {
  client: PrismaClient;
  target: DatabaseTarget;
}

const g = globalThis as unknown as { __platformDb?: Promise<DbState>; __platformPgPool?: Promise<pg.Pool> };

export function createPrisma(url: string, max = 10): PrismaClient {
  const adapter = new PrismaPg({ connectionString: url, max, connectionTimeoutMillis: 10_000 });
  return new PrismaClient({ adapter });
}

async function init(): Promise<DbState> {
  const target = await resolveDatabaseTarget();
  return { client: createPrisma(target.url, target.embedded ? 8 : 10), target };
}

export function getDbState(): Promise<DbState> {
  g.__platformDb ??= init().catch((e: unknown) => {
    g.__platformDb = undefined;
    throw e;
  });
  return g.__platformDb;
}

export async function getDb(): Promise<PrismaClient> {
  return (await getDbState()).client;
}

/**
 * A plain pg pool on the same database, for the two statements /mcp runs on every call outside a transaction (the
 * rate-limit upsert and the audit insert): through Prisma's runtime they cost more CPU than the tool itself.
 */
export function getPgPool(): Promise<pg.Pool> {
  g.__platformPgPool ??= getDbState().then((s) => {
    // statement_timeout: a statement stuck behind a lock fails (and its calls with it, fail-closed) instead of holding
    // every call of the process that waits for the same write.
    const pool = new pg.Pool({ connectionString: s.target.url, max: s.target.embedded ? 4 : 10, connectionTimeoutMillis: 10_000, statement_timeout: 10_000 });
    // An idle connection that dies (restart, failover, terminated backend) is reported here; unheard, it would crash
    // the process. The pool replaces it on the next query. Once the pool is ending, its closing connections may still
    // be cut (end() resolves before their sockets close, e.g. a test database dropped WITH (FORCE)): nothing to report.
    pool.on('error', (e) => {
      if (!pool.ending) console.error('[db] an idle connection of the /mcp pool was lost', e);
    });
    return pool;
  });
  return g.__platformPgPool;
}

export async function disconnectDb(): Promise<void> {
  const pool = g.__platformPgPool;
  g.__platformPgPool = undefined;
  if (pool) await (await pool).end().catch(() => undefined);
  const state = g.__platformDb;
  g.__platformDb = undefined;
  if (!state) return;
  const { client, target } = await state;
  await client.$disconnect();
  await target.owner?.close();
}

export type { PrismaClient };
export { Prisma } from '@/lib/generated/prisma/client';
