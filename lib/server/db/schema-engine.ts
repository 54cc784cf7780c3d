// Prisma's schema engine, as WebAssembly, driven through a driver adapter: `migrate deploy` and `migrate diff`
// without the native binary (which cannot be downloaded here). The migrations folder keeps Prisma's format.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';

type Engine = {
  applyMigrations(i: unknown): Promise<{ appliedMigrationNames: string[] }>;
  diff(i: unknown): Promise<{ exitCode: number; stdout: string | null }>;
  free(): void;
};
type BgModule = {
  __wbg_set_wasm(w: unknown): void;
  SchemaEngine: { new: (o: unknown, cb: (m: string) => void, a: object) => Promise<Engine> };
};

export const SCHEMA_PATH = path.resolve('prisma/schema.prisma');
export const MIGRATIONS_DIR = path.resolve('prisma/migrations');
const FILTER = { externalTables: [], externalEnums: [] };

let bgPromise: Promise<BgModule> | null = null;
async function loadBg(): Promise<BgModule> {
  bgPromise ??= (async () => {
    const require = createRequire(import.meta.url);
    const bgPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bg = (await import(bgPath)) as unknown as BgModule;
    const bytes = fs.readFileSync(path.join(path.dirname(bgPath), 'schema_engine_bg.wasm'));
    const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': bg as never });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bg;
  })();
  return bgPromise;
}

async function withEngine<T>(factory: object, fn: (e: Engine) => Promise<T>): Promise<T> {
  const bg = await loadBg();
  const schema = fs.readFileSync(SCHEMA_PATH, 'utf8');
  const logs: string[] = [];
  const engine = await bg.SchemaEngine.new(
    { datamodels: [[SCHEMA_PATH, schema]] },
    (m: string) => logs.push(m),
    bindMigrationAwareSqlAdapterFactory(factory as never),
  );
  try {
    return await fn(engine);
  } finally {
    engine.free();
  }
}

function migrationsList() {
  const dirs = fs.existsSync(MIGRATIONS_DIR)
    ? fs.readdirSync(MIGRATIONS_DIR, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    : [];
  const lockPath = path.join(MIGRATIONS_DIR, 'migration_lock.toml');
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: { path: 'migration_lock.toml', content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: dirs.map((d) => {
      const file = path.join(MIGRATIONS_DIR, d, 'migration.sql');
      return {
        path: d,
        migrationFile: {
          path: 'migration.sql',
          content: fs.existsSync(file) ? { tag: 'ok', value: fs.readFileSync(file, 'utf8') } : { tag: 'error', value: 'missing migration.sql' },
        },
      };
    }),
  };
}

/** Apply every pending migration; returns the names just applied. */
export async function applyMigrations(url: string): Promise<string[]> {
  return withEngine(new PrismaPg({ connectionString: url, max: 2 }), async (e) => {
    const out = await e.applyMigrations({ migrationsList: migrationsList(), filters: FILTER });
    return out.appliedMigrationNames;
  });
}

/** SQL that would bring the migrations up to schema.prisma ('' when they agree). */
export async function diffMigrationsToSchema(): Promise<string> {
  // An in-process, in-memory PGlite (its adapter brings its own in-memory shadow database).
  const scratch = await PGlite.create();
  try {
    return await withEngine(new PrismaPGlite(scratch), async (e) => {
      const schema = fs.readFileSync(SCHEMA_PATH, 'utf8');
      const from = fs.existsSync(MIGRATIONS_DIR) && migrationsList().migrationDirectories.length > 0
        ? { tag: 'migrations', ...migrationsList() }
        : { tag: 'empty' };
      const out = await e.diff({
        from,
        to: { tag: 'schemaDatamodel', files: [{ path: SCHEMA_PATH, content: schema }] },
        script: true,
        exitCode: false,
        filters: FILTER,
      });
      const sql = (out.stdout ?? '').trim();
      return /^-- This is an empty migration\.?$/.test(sql) ? '' : sql;
    });
  } finally {
    await scratch.close();
  }
}

/** Write a new migration folder from the schema diff; returns its name, or null if nothing changed. */
export async function createMigration(name: string): Promise<string | null> {
  const sql = await diffMigrationsToSchema();
  if (!sql) return null;
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '') || 'migration';
  const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
  const dirName = `${stamp}_${slug}`;
  fs.mkdirSync(path.join(MIGRATIONS_DIR, dirName), { recursive: true });
  fs.writeFileSync(path.join(MIGRATIONS_DIR, dirName, 'migration.sql'), sql + '\n');
  const lock = path.join(MIGRATIONS_DIR, 'migration_lock.toml');
  if (!fs.existsSync(lock)) {
    fs.writeFileSync(lock, '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n');
  }
  return dirName;
}
