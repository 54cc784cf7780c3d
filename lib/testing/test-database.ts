// A fresh database for one integration run: a new PostgreSQL database on TEST_DATABASE_URL's server
// (TEST_DB_KIND=postgres) or a new embedded PGlite in a temporary directory (TEST_DB_KIND=pglite, default).
// Migrations are applied (never db push) and the demo seed loaded.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openEmbedded } from '@/lib/server/db/embedded';
import { applyMigrations } from '@/lib/server/db/schema-engine';
import { createPrisma } from '@/lib/server/db/client';
import { seedDatabase } from '@/prisma/seed';

export interface TestDatabase {
  kind: 'pglite' | 'postgres';
  url: string;
  teardown: () => Promise<void>;
}

export async function createTestDatabase(opts: { seed?: boolean } = {}): Promise<TestDatabase> {
  const kind = process.env.TEST_DB_KIND === 'postgres' ? 'postgres' : 'pglite';
  let url: string;
  let teardown: () => Promise<void>;
  if (kind === 'postgres') {
    const admin = process.env.TEST_DATABASE_URL;
    if (!admin) throw new Error('TEST_DB_KIND=postgres needs TEST_DATABASE_URL (e.g. postgresql://postgres@127.0.0.1:5432/test).');
    const name = `it_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(`CREATE DATABASE ${name}`);
    await client.end();
    const u = new URL(admin);
    u.pathname = `/${name}`;
    url = u.toString();
    teardown = async () => {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-platform-it-'));
    const handle = await openEmbedded(dir, { maxConnections: 64 });
    url = handle.url;
    teardown = async () => {
      await handle.close();
      fs.rmSync(dir, { recursive: true, force: true });
    };
  }
  await applyMigrations(url);
  if (opts.seed !== false) {
    const db = createPrisma(url, 2);
    await seedDatabase(db, { demo: true });
    await db.$disconnect();
  }
  return { kind, url, teardown };
}
