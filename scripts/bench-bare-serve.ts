// The bare SDK server of bench:mcp in a process of its own (end-to-end mode), so that both servers are measured the
// same way: each its own process, called over HTTP on loopback. Prints "listening <port>" once ready.
import { createPrisma } from '@/lib/server/db/client';
import { bareHandler } from './bench-bare-server';
import { serve } from './bench-http';
import { profileOnSignal } from './bench-profile';

async function main() {
  profileOnSignal();
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is required.');
  const db = createPrisma(url, 10);
  const acme = await db.tenant.findUniqueOrThrow({ where: { slug: 'acme' } });
  const served = await serve(bareHandler(db, { id: acme.id, slug: acme.slug, name: acme.name }), Number(process.env.PORT || 0));
  console.log(`listening ${new URL(served.url).port}`);
  const stop = () => void served.close().then(() => db.$disconnect()).finally(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
