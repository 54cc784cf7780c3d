// Each tenant's sample business dataset (customers, orders, invoices) in its own PostgreSQL schema ds_<slug>,
// apart from the platform's tables. Used by sql_query, payment_refund and record_delete.
import type { PrismaClient } from '@/lib/generated/prisma/client';

export function datasetSchema(tenantSlug: string): string {
  if (!/^[a-z0-9_]{1,40}$/.test(tenantSlug.replace(/-/g, '_'))) throw new Error(`Invalid tenant slug for a dataset: ${tenantSlug}`);
  return `ds_${tenantSlug.replace(/-/g, '_')}`;
}

const FIRST = ['Alice', 'Bruno', 'Chloé', 'David', 'Emma', 'Farid', 'Giulia', 'Hugo', 'Inès', 'Jonas', 'Karim', 'Léa', 'Malik', 'Nora', 'Oscar'];
const LAST = ['Martin', 'Bernard', 'Dubois', 'Laurent', 'Moreau', 'Lefebvre', 'Garcia', 'Roux', 'Fournier', 'Girard'];
const COUNTRIES = ['FR', 'DE', 'ES', 'IT', 'BE', 'NL'];

function prng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

export async function ensureDataset(db: PrismaClient, tenantSlug: string, seed: number): Promise<void> {
  const s = datasetSchema(tenantSlug);
  await db.$executeRawUnsafe(`CREATE SCHEMA IF NOT EXISTS ${s}`);
  await db.$executeRawUnsafe(`CREATE TABLE IF NOT EXISTS ${s}.customers (
    id serial PRIMARY KEY, name text NOT NULL, email text NOT NULL, phone text, country text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now())`);
  await db.$executeRawUnsafe(`CREATE TABLE IF NOT EXISTS ${s}.orders (
    id serial PRIMARY KEY, customer_id int NOT NULL REFERENCES ${s}.customers(id) ON DELETE CASCADE,
    order_number text NOT NULL UNIQUE, total numeric(12,2) NOT NULL, status text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`);
  await db.$executeRawUnsafe(`CREATE TABLE IF NOT EXISTS ${s}.invoices (
    id serial PRIMARY KEY, order_id int NOT NULL REFERENCES ${s}.orders(id) ON DELETE CASCADE,
    customer_id int NOT NULL REFERENCES ${s}.customers(id) ON DELETE CASCADE, amount numeric(12,2) NOT NULL,
    refunded numeric(12,2) NOT NULL DEFAULT 0, currency text NOT NULL DEFAULT 'EUR', status text NOT NULL,
    issued_at timestamptz NOT NULL DEFAULT now())`);
  const rows = await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*)::bigint AS n FROM ${s}.customers`);
  if (Number(rows[0]?.n ?? 0) > 0) return;
  const rnd = prng(seed);
  const pick = <T>(a: T[]) => a[Math.floor(rnd() * a.length)]!;
  const domain = `${tenantSlug}-customers.example`;
  for (let c = 1; c <= 40; c++) {
    const first = pick(FIRST);
    const last = pick(LAST);
    await db.$executeRawUnsafe(
      `INSERT INTO ${s}.customers (name, email, phone, country, created_at) VALUES ($1, $2, $3, $4, now() - ($5 || ' days')::interval)`,
      `${first} ${last}`, `${first.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '')}.${last.toLowerCase()}${c}@${domain}`,
      `+33 6 ${String(10 + c).padStart(2, '0')} ${String(Math.floor(rnd() * 90) + 10)} ${String(Math.floor(rnd() * 90) + 10)} ${String(Math.floor(rnd() * 90) + 10)}`,
      pick(COUNTRIES), String(Math.floor(rnd() * 400)),
    );
  }
  for (let o = 1; o <= 120; o++) {
    const total = (Math.round(rnd() * 150000) / 100 + 20).toFixed(2);
    const status = pick(['paid', 'paid', 'paid', 'shipped', 'pending', 'cancelled']);
    await db.$executeRawUnsafe(
      `INSERT INTO ${s}.orders (customer_id, order_number, total, status, created_at) VALUES ($1, $2, $3::numeric, $4, now() - ($5 || ' days')::interval)`,
      1 + Math.floor(rnd() * 40), `ORD-2026-${String(o).padStart(5, '0')}`, total, status, String(Math.floor(rnd() * 200)),
    );
    if (status !== 'cancelled') {
      await db.$executeRawUnsafe(
        `INSERT INTO ${s}.invoices (order_id, customer_id, amount, status) SELECT id, customer_id, total, $2 FROM ${s}.orders WHERE order_number = $1`,
        `ORD-2026-${String(o).padStart(5, '0')}`, status === 'pending' ? 'open' : 'paid',
      );
    }
  }
}
