import 'server-only';
// The two writes every /mcp call makes outside a transaction, in plain SQL on a pg pool: its audit record and its
// rate-limit increments. Same tables and semantics as through Prisma, a fraction of the CPU per call. Concurrent
// calls of a process share one statement (coalesce.ts): each statement carries the records of every call that
// finished meanwhile and the increments of every call being counted meanwhile, so a call costs the database a
// fraction of a statement and of a commit instead of two of each.
// Statements are named and prepared, of one fixed text each: every pool connection parses and plans them once, then
// sends only Bind/Execute (a name must always map to the same text, hence JSON batches and unnest() arrays instead
// of a VALUES list whose length depends on the batch).
import pg from 'pg';
import type { AuditRow } from '@/lib/server/audit';
import { AUDIT_COLUMNS, needsCleaning, storable } from '@/lib/server/audit-chain/columns';
import { ensureAuditSealer } from '@/lib/server/audit-chain/runner';
import { sha256 } from '@/lib/server/crypto';
import { Coalescer } from './coalesce';

type Row = AuditRow;

// Pools whose connections share server sessions — the embedded PGlite (one session behind every connection) or a
// transaction-mode pooler — where a connection cannot know which statements its session has prepared: they get
// unnamed statements. Found out on the first named statement the server refuses (that statement did not run).
const sharedSessions = new WeakSet<pg.Pool>();
const SESSION_MISMATCH = new Set(['42P05', '26000']); // duplicate_prepared_statement, invalid_sql_statement_name

/**
 * A statement's name carries a digest of its text: a process that keeps its pool across a code reload (Next.js dev)
 * then prepares the new text under a new name instead of failing on the old one.
 */
function statement(name: string, text: string): { name: string; text: string } {
  return { name: `${name}_${sha256(text).slice(0, 12)}`, text };
}

async function prepared<R extends pg.QueryResultRow>(pool: pg.Pool, { name, text }: { name: string; text: string }, values: unknown[]): Promise<pg.QueryResult<R>> {
  if (!sharedSessions.has(pool)) {
    try {
      return await pool.query<R>({ name, text, values });
    } catch (e) {
      if (!SESSION_MISMATCH.has((e as { code?: string }).code ?? '')) throw e;
      sharedSessions.add(pool);
    }
  }
  return pool.query<R>(text, values);
}

export interface CounterIncrement {
  key: string;
  windowStart: Date;
  expiresAt: Date;
}

/** A counter and its window: what one row of RateCounter counts. */
export const counterSlot = (c: { key: string; windowStart: Date }) => `${c.key}@${c.windowStart.getTime()}`;

/**
 * The instant as the timestamp columns hold it (UTC, as Prisma writes and reads them). Not a Date: pg would send the
 * process's local time with an offset, which a timestamp without time zone drops (windows shifted outside UTC).
 */
const utc = (d: Date) => d.toISOString();

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

// Audit records and counter increments travel as JSON parameters read back by jsonb_to_recordset: one native
// JSON.stringify each (column arrays cost the pg driver an array literal per column). The audit columns are the one
// definition auditRow also produces (lib/server/audit-chain/columns.ts); seq and createdAt are column defaults.

// Commit mode. A statement that carries audit records commits synchronously: a record is durable before its call
// goes on. A statement that carries only increments commits asynchronously (synchronous_commit off for its own
// transaction, set inside the statement so it stays one round trip). Why that is safe: every call writes, after its
// increment and before it has any effect or returns any result, a record that commits synchronously (its audit
// record, a dispatch record, or the write transaction of a db tool; a refused call its give-back). Flushing that
// commit flushes the WAL before it, the increment included. So an increment can be lost in a PostgreSQL crash only
// for a call that never ran nor answered, and the counts stay exact across replicas (async commit changes
// durability, not visibility or locking). Why it is worth it: the calls of a tenant × tool increment the same rows,
// each increment holding their row locks until its commit; synchronously that is until its WAL flush.
// Lock order: increments and give-backs touch their counters in one order (key, then window, as the database sorts
// them), so a statement incrementing and another giving back queue on the same row first instead of deadlocking.
// The window comes back as epoch milliseconds (a timestamp without time zone is read as UTC by extract(epoch)), so
// the process's time zone never enters.
const WRITE = statement('mcp_hot_write', `WITH audit AS (
    INSERT INTO "AuditEvent" (${AUDIT_COLUMNS.map(([c]) => `"${c}"`).join(', ')})
    SELECT ${AUDIT_COLUMNS.map(([c]) => `a."${c}"`).join(', ')}
    FROM jsonb_to_recordset($1::jsonb) AS a(${AUDIT_COLUMNS.map(([c, type]) => `"${c}" ${type}`).join(', ')})
  )
  INSERT INTO "RateCounter" ("key", "windowStart", "count", "expiresAt")
  SELECT k, w, n, e FROM jsonb_to_recordset($2::jsonb) AS t(k text, w timestamp(3), e timestamp(3), n int4)
    CROSS JOIN (SELECT set_config('synchronous_commit', CASE WHEN $3::boolean THEN 'off' ELSE current_setting('synchronous_commit') END, true)) AS commit_mode
  ORDER BY k, w
  ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateCounter"."count" + EXCLUDED."count"
  RETURNING "key", (extract(epoch FROM "windowStart") * 1000)::float8 AS "windowMs", "count"`);

/**
 * One statement, one transaction: inserts the audit rows and adds `by[i]` (default 1) to each counter (distinct
 * slots), returning each counter's new value by counterSlot. All of it or nothing.
 */
async function write(pool: pg.Pool, rows: Row[], counters: CounterIncrement[], by?: number[]): Promise<Map<string, number>> {
  let json = '[]';
  if (rows.length > 0) {
    // An absent details is SQL NULL (not JSON null), as Prisma writes it.
    const batch = rows.map((row) => ({ ...row, details: row.details ?? undefined }));
    json = JSON.stringify(batch);
    // Cleaned as writeAuditRow cleans: only the rare batch whose JSON has a \u escape.
    if (needsCleaning(json)) json = JSON.stringify(storable(batch));
  }
  const increments = JSON.stringify(counters.map((c, i) => ({ k: c.key, w: utc(c.windowStart), e: utc(c.expiresAt), n: by?.[i] ?? 1 })));
  const values = [json, increments, rows.length === 0];
  const { rows: counts } = await withDeadlockRetry(() => prepared<{ key: string; windowMs: number; count: number }>(pool, WRITE, values));
  return new Map(counts.map((r) => [`${r.key}@${r.windowMs}`, Number(r.count)]));
}

/** Adds `by[i]` (default 1) to each counter atomically and returns each counter's new value, by counterSlot. */
export function incrementCounters(pool: pg.Pool, counters: CounterIncrement[], by?: number[]): Promise<Map<string, number>> {
  return write(pool, [], counters, by);
}

const DECREMENT = statement('mcp_rate_decrement', `UPDATE "RateCounter" r SET "count" = r."count" - s.n
  FROM (SELECT c."key", c."windowStart", t.n FROM "RateCounter" c JOIN unnest($1::text[], $2::timestamp(3)[], $3::int4[]) AS t(k, w, n) ON c."key" = t.k AND c."windowStart" = t.w
        ORDER BY c."key", c."windowStart" FOR UPDATE OF c) s
  WHERE r."key" = s."key" AND r."windowStart" = s."windowStart"`);

/** Gives increments back: `by[i]` (default 1) from each counter (rows locked in the same order as increments). */
export async function decrementCounters(pool: pg.Pool, counters: CounterIncrement[], by?: number[]): Promise<void> {
  const values = [counters.map((c) => c.key), counters.map((c) => utc(c.windowStart)), counters.map((_, i) => by?.[i] ?? 1)];
  await withDeadlockRetry(() => prepared(pool, DECREMENT, values));
}

// What each counter held at this process's latest statement that touched it (per pool: per database). A hint for
// deciding whether a call is far from its limits, never a decision: admission is always the claim's.
// Expired windows are swept at most once a minute, once there are many.
const observed = new WeakMap<pg.Pool, { slots: Map<string, { count: number; expiresMs: number }>; sweptMs: number }>();

/** This process's record of the counters of a pool, swept of expired windows (at most once a minute, once large). */
function seenCounters(pool: pg.Pool): Map<string, { count: number; expiresMs: number }> {
  let seen = observed.get(pool);
  if (!seen) observed.set(pool, (seen = { slots: new Map(), sweptMs: 0 }));
  const now = Date.now();
  if (seen.slots.size > 10_000 && now - seen.sweptMs > 60_000) {
    seen.sweptMs = now;
    for (const [slot, o] of seen.slots) if (o.expiresMs < now) seen.slots.delete(slot);
  }
  return seen.slots;
}

/** The value a counter had at this process's latest statement that touched it; undefined when it has not seen it. */
export function lastSeenCount(pool: pg.Pool, counter: { key: string; windowStart: Date }): number | undefined {
  return observed.get(pool)?.slots.get(counterSlot(counter))?.count;
}

/** One counter a call must fit in. */
export interface CounterClaim extends CounterIncrement {
  limit: number;
}

/** What a call hands the writer: its audit record, or the counters it must fit in. */
type HotWrite = { audit: Row } | { claims: CounterClaim[] };

/**
 * Writes a batch of calls' records and claims in one statement. Each counter slot gets the sum of its calls' units,
 * and the statement returns where the slot ended; the batch's claims then take the units from the slot's previous
 * value up, in arrival order, as if they had been counted one after another: a call fits if every counter it needs
 * is still within its limit, and the units of the calls that do not fit are given back in one statement.
 * Outcome per claim: -1 when it fits, else the index of the first of its counters that is full; null for a record.
 */
async function writeBatch(pool: pg.Pool, items: HotWrite[]): Promise<(number | null)[]> {
  interface Slot { counter: CounterIncrement; units: number; taken: number; before: number }
  const rows: Row[] = [];
  const slots = new Map<string, Slot>();
  // Per item: its record (null) or, for a claim, each counter's slot with its limit.
  const claimed = items.map((item) => {
    if ('audit' in item) {
      rows.push(item.audit);
      return null;
    }
    return item.claims.map((c) => {
      const id = counterSlot(c);
      let slot = slots.get(id);
      if (!slot) slots.set(id, (slot = { counter: c, units: 0, taken: 0, before: 0 }));
      slot.units++;
      if (c.expiresAt > slot.counter.expiresAt) slot.counter = c;
      return { slot, limit: c.limit };
    });
  });
  const all = [...slots.values()];
  const counts = await write(pool, rows, all.map((s) => s.counter), all.map((s) => s.units));
  const seen = all.length > 0 ? seenCounters(pool) : null;
  for (const [id, slot] of slots) {
    const count = counts.get(id) ?? 0;
    slot.before = count - slot.units;
    seen?.set(id, { count, expiresMs: slot.counter.expiresAt.getTime() });
  }
  const outcomes = claimed.map((mine) => {
    if (!mine) return null;
    const full = mine.findIndex((m) => m.slot.before + m.slot.taken + 1 > m.limit);
    if (full < 0) for (const m of mine) m.slot.taken++;
    return full;
  });
  const back = all.filter((s) => s.taken < s.units);
  if (back.length > 0) {
    try {
      await decrementCounters(pool, back.map((s) => s.counter), back.map((s) => s.units - s.taken));
    } catch (e) {
      // The batch committed: failing it here would count its calls twice on retry. Units not given back only make
      // the counters stricter for the rest of the window (never more calls than the limit).
      console.error('[mcp] could not give back the units of refused calls', e);
    }
  }
  return outcomes;
}

// One writer per pool, one statement in flight: batches grow with load (measured best; see ARCHITECTURE.md).
const writers = new WeakMap<pg.Pool, Coalescer<HotWrite, number | null>>();

function writer(pool: pg.Pool): Coalescer<HotWrite, number | null> {
  let w = writers.get(pool);
  if (!w) {
    w = new Coalescer<HotWrite, number | null>((items) => writeBatch(pool, items), {
      maxBatch: 64,
      maxInFlight: 1,
      // A record may carry a tool's whole output ("full" audit level): batches stay within a few MiB.
      maxWeight: 4 << 20,
      weight: (item) => ('audit' in item ? 1_000 + (item.audit.inputBytes ?? 0) + (item.audit.outputBytes ?? 0) : 100),
      // An error PostgreSQL answered rolled the statement back: its items are retried one by one. Any other error (the
      // connection dropped, perhaps during the commit) leaves the outcome unknown: the batch's calls fail, closed.
      retryable: (e) => e instanceof pg.DatabaseError,
    });
    writers.set(pool, w);
  }
  return w;
}

/**
 * Inserts one call's audit record, committed synchronously before it resolves (the audit stays fail-closed);
 * written together with concurrent calls' records and claims.
 */
export async function insertAuditRow(pool: pg.Pool, row: Row): Promise<void> {
  ensureAuditSealer();
  await writer(pool).submit({ audit: row });
}

/**
 * Counts one call against every counter it must fit in, exact across replicas: -1 when it fits (its units stay
 * counted), else the index of the first full counter (nothing of the call stays counted). Written together with
 * concurrent calls' claims and records.
 */
export async function claimCounters(pool: pg.Pool, claims: CounterClaim[]): Promise<number> {
  return (await writer(pool).submit({ claims })) as number;
}
