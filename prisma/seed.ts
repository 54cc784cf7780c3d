// npm run db:seed — idempotent. Always syncs the built-in tools into the catalogue; demo data when enabled
// (on by default on the embedded database, SEED_DEMO=1 on PostgreSQL).
import { getDb, disconnectDb } from '@/lib/server/db/client';
import { syncBuiltinTools } from '@/lib/server/seed/catalogue';
import { seedDemo } from '@/lib/server/seed/demo';
import { seedBulkTools } from '@/lib/server/seed/bulk-tools';
import type { PrismaClient } from '@/lib/generated/prisma/client';

export async function seedDatabase(db: PrismaClient, opts: { demo: boolean }): Promise<void> {
  await syncBuiltinTools(db);
  if (opts.demo) await seedDemo(db);
  const bulk = Number(process.env.SEED_BULK_TOOLS ?? 0); // off by default; e.g. SEED_BULK_TOOLS=1000
  if (Number.isInteger(bulk) && bulk > 0) await seedBulkTools(db, Math.min(bulk, 20_000));
}

function demoWanted(): boolean {
  const v = process.env.SEED_DEMO;
  if (v === '0' || v === 'false') return false;
  return v === '1' || v === 'true' || !process.env.DATABASE_URL;
}

if (process.argv[1] && /prisma[\\/]seed\.ts$/.test(process.argv[1])) {
  (async () => {
    const db = await getDb();
    await seedDatabase(db, { demo: demoWanted() });
    console.log(`Seeded${demoWanted() ? ' (with demo data)' : ' (built-in tools only)'}.`);
    await disconnectDb();
  })().catch(async (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    await disconnectDb().catch(() => {});
    process.exit(1);
  });
}
