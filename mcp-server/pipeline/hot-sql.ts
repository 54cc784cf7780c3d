import 'server-only';
// The two statements every /mcp call runs outside a transaction, in plain SQL on a pg pool: the audit insert and
// the rate-limit upsert. Same tables and semantics as through Prisma, a fraction of the CPU per call.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { auditRow } from '@/lib/server/audit';

type Row = ReturnType<typeof auditRow>;

const AUDIT_COLUMNS = [
  'id', 'requestId', 'tenantId', 'actorKind', 'actorId', 'actorLabel', 'via', 'action', 'resourceType', 'resourceId', 'toolSlug', 'toolVersion',
  'outcome', 'errorCode', 'latencyMs', 'costMicros', 'inputBytes', 'outputBytes', 'details', 'resourcesTouched', 'ip',
] as const;
const AUDIT_SQL = `INSERT INTO "AuditEvent" (${AUDIT_COLUMNS.map((c) => `"${c}"`).join(', ')}) VALUES (${AUDIT_COLUMNS.map((c, i) =>
  c === 'outcome' ? `$${i + 1}::"AuditOutcome"` : c === 'details' ? `$${i + 1}::jsonb` : `$${i + 1}`).join(', ')})`;

export async function insertAuditRow(pool: pg.Pool, row: Row): Promise<void> {
  const values = AUDIT_COLUMNS.map((c) => {
    if (c === 'id') return randomUUID();
    if (c === 'details') return row.details === undefined ? null : JSON.stringify(row.details);
    return row[c];
  });
  await pool.query(AUDIT_SQL, values);
}

export interface CounterIncrement {
  key: string;
  windowStart: Date;
  expiresAt: Date;
}

// Every statement below touches its counters in one order (key, then window): concurrent calls — one incrementing,
// another giving its increments back — then queue on the same row first instead of deadlocking.
const byKey = (a: CounterIncrement, b: CounterIncrement) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.windowStart.getTime() - b.windowStart.getTime());

/** Retries a statement that PostgreSQL chose as a deadlock victim (it rolled back, so retrying is safe). */
async function withDeadlockRetry<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (e) {
      if ((e as { code?: string }).code !== '40P01' || attempt >= 3) throw e;
    }
  }
}

/** Increments every counter atomically (one statement) and returns each counter's new value. */
export async function incrementCounters(pool: pg.Pool, counters: CounterIncrement[]): Promise<Map<string, number>> {
  const values: unknown[] = [];
  const tuples = [...counters].sort(byKey).map((c) => {
    values.push(c.key, c.windowStart, c.expiresAt);
    const n = values.length;
    return `($${n - 2}, $${n - 1}, 1, $${n})`;
  });
  const { rows } = await withDeadlockRetry(() => pool.query<{ key: string; count: number }>(
    `INSERT INTO "RateCounter" ("key", "windowStart", "count", "expiresAt") VALUES ${tuples.join(', ')}
     ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateCounter"."count" + 1 RETURNING "key", "count"`,
    values,
  ));
  return new Map(rows.map((r) => [r.key, Number(r.count)]));
}

/** Gives the increments of a refused call back (rows locked in the same order as incrementCounters). */
export async function decrementCounters(pool: pg.Pool, counters: CounterIncrement[]): Promise<void> {
  const values: unknown[] = [];
  const where = [...counters].sort(byKey).map((c) => {
    values.push(c.key, c.windowStart);
    return `("key" = $${values.length - 1} AND "windowStart" = $${values.length})`;
  });
  await withDeadlockRetry(() => pool.query(
    `UPDATE "RateCounter" r SET "count" = r."count" - 1
       FROM (SELECT "key", "windowStart" FROM "RateCounter" WHERE ${where.join(' OR ')} ORDER BY "key", "windowStart" FOR UPDATE) s
      WHERE r."key" = s."key" AND r."windowStart" = s."windowStart"`,
    values,
  ));
}
