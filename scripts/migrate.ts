// npm run db:migrate            → apply pending migrations to the configured database
// npm run db:migration -- name  → create a new migration from the schema diff
import { applyMigrations, createMigration } from '@/lib/server/db/schema-engine';
import { resolveDatabaseTarget } from '@/lib/server/db/connection';

async function main() {
  const [mode, name] = process.argv.slice(2);
  if (mode === 'dev') {
    if (!name) throw new Error('Usage: npm run db:migration -- <name>');
    const created = await createMigration(name);
    console.log(created ? `Created prisma/migrations/${created}/migration.sql` : 'No schema change: no migration created.');
    return;
  }
  if (mode !== 'deploy') throw new Error(`Unknown mode "${mode}". Use deploy or dev.`);
  const target = await resolveDatabaseTarget();
  try {
    const applied = await applyMigrations(target.url);
    console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(', ')}` : 'Database is up to date.');
  } finally {
    await target.owner?.close();
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
