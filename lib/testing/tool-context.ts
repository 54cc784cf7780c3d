// Test helper: a ToolContext as the /mcp pipeline would build it, for one tenant (from the seeded database) or
// from plain values (pure tests). Secrets come from a map; the signal from an AbortController the test controls.
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { ZPiiRules } from '@/lib/schemas/tenant-policy';
import type { ToolContext } from '@/mcp-server/tools/types';

export interface TestContextOptions {
  db?: ToolContext['db'];
  tenant?: ToolContext['tenant'];
  egressAllowlist?: string[];
  dataScopes?: string[];
  secrets?: Record<string, string>;
  signal?: AbortSignal;
  timeoutMs?: number;
  maxOutputBytes?: number;
}

export function makeToolContext(opts: TestContextOptions = {}): ToolContext {
  const secrets = opts.secrets ?? {};
  return {
    db: opts.db ?? (new Proxy({}, { get: () => { throw new Error('This test context has no database.'); } }) as unknown as PrismaClient),
    tenant: opts.tenant ?? { id: 'tenant-test', slug: 'test', name: 'Test tenant' },
    policy: { egressAllowlist: opts.egressAllowlist ?? [], dataScopes: opts.dataScopes ?? [], piiRules: ZPiiRules.parse({}) },
    caller: { tokenId: 'token-test', tokenName: 'test token', teamId: null, userId: null },
    requestId: `req-${Math.random().toString(36).slice(2, 10)}`,
    signal: opts.signal ?? new AbortController().signal,
    timeoutMs: opts.timeoutMs ?? 10_000,
    maxOutputBytes: opts.maxOutputBytes ?? 256 * 1024,
    secret: async (name) => secrets[name] ?? null,
  };
}

/** A context for a seeded tenant ("acme", "globex"), its policy read from the database unless overridden. */
export async function tenantToolContext(db: PrismaClient, tenantSlug: string, opts: TestContextOptions = {}): Promise<ToolContext> {
  const t = await db.tenant.findUniqueOrThrow({ where: { slug: tenantSlug }, include: { policy: true } });
  return makeToolContext({
    db,
    tenant: { id: t.id, slug: t.slug, name: t.name },
    egressAllowlist: t.policy?.egressAllowlist ?? [],
    dataScopes: t.policy?.dataScopes ?? [],
    ...opts,
  });
}

/**
 * The embedded database is one PGlite session: its socket queue runs one connection's transaction at a time
 * (lib/server/db/socket-queue.ts), so row-lock races only exist, and are only tested, on PostgreSQL.
 */
export const LOCK_RACES_TESTABLE = process.env.TEST_DB_KIND === 'postgres';

/** The test database and a tool context for each seeded tenant. */
export async function seededToolContexts(): Promise<{ db: PrismaClient; acme: ToolContext; globex: ToolContext }> {
  const { getDb } = await import('@/lib/server/db/client');
  const db = await getDb();
  const [acme, globex] = await Promise.all([tenantToolContext(db, 'acme'), tenantToolContext(db, 'globex')]);
  return { db, acme, globex };
}
