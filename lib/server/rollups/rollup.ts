import 'server-only';
// The tool-call rollup behind the Metrics page: follows the audit sequence with a stored cursor and adds each
// `tool.called` event once into per-bucket rows (lib/server/rollups/histogram.ts for the latency).
// Sequence numbers are assigned at insert and commits land out of order, so a cursor over "committed rows" could
// step past a lower seq that commits later. It follows the sealed prefix instead, like the SIEM export: the sealer
// (lib/server/audit-chain/sealer.ts) seals a contiguous run and declares a gap only once no transaction can still
// commit into it, so every event at or below a sealed seq is final. The cursor moves in the transaction that adds
// the batch, under an advisory lock (one replica at a time): a re-run or a crash adds nothing twice.
// The seed, the only writer while it runs, rolls up its history before the sealer has seen it (sealedOnly: false).
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { emptyHistogram, record } from './histogram';

const LOCK_KEY = 0x4d_45_54_52; // "METR"
const CURSOR = 'tool-calls';
export const GRAINS = { '5m': 300_000, '1h': 3_600_000, '1d': 86_400_000 } as const;
export type Grain = keyof typeof GRAINS;
/** How long each grain is kept: enough for the windows that read it (24 h from 5 min, 30 d from 1 h). */
const KEEP_MS: Record<Grain, number | null> = { '5m': 2 * 86_400_000, '1h': 35 * 86_400_000, '1d': null };
const ACTORS_KEEP_MS = 35 * 86_400_000;
/** The pipeline labels a name it could not resolve this way in Prometheus too: a made-up name is not a row. */
const UNRESOLVED = '(not resolved)';

interface EventRow {
  seq: string;
  action: string;
  tenantId: string | null;
  toolSlug: string | null;
  outcome: 'success' | 'denied' | 'error' | 'pending_approval';
  errorCode: string | null;
  latencyMs: number | null;
  costMicros: number | null;
  actorId: string | null;
  traceId: string | null;
  ms: number;
}

interface Bucket {
  grain: Grain; bucketStart: string; tenantId: string; toolSlug: string;
  calls: number; successes: number; errors: number; denied: number; held: number; untraced: number; costMicros: number; latencyHist: number[];
}

export interface RollupResult {
  /** False when another process held the rollup's lock. */
  locked: boolean;
  /** Audit events read (of any kind). */
  events: number;
  /** Tool calls added. */
  calls: number;
  lastSeq: bigint;
}

const floorTo = (ms: number, step: number) => new Date(Math.floor(ms / step) * step).toISOString();

/** Adds the next batch of sealed events to the rollups (one transaction); call until `events` is 0. */
export interface RollupOptions {
  batch?: number;
  now?: number;
  /** Only events the sealer has chained (the default): the safe prefix while others write. */
  sealedOnly?: boolean;
}

type Tx = Prisma.TransactionClient;
/** Within the sealed prefix: at or before the last seal (the sealer never seals past an unsealed event). */
const SEALED = `AND a."seq" <= (SELECT coalesce(max(s."seq"), 0) FROM "AuditSeal" s)`;
const q = <R>(tx: Tx, text: string, ...values: unknown[]) => tx.$queryRawUnsafe<R[]>(text, ...values);

/** Adds the next batch of events to the rollups (one transaction); call until `events` is 0. */
export async function rollupPending(db: PrismaClient, { batch = 5_000, now = Date.now(), sealedOnly = true }: RollupOptions = {}): Promise<RollupResult> {
  return db.$transaction(async (tx) => {
    const [lock] = await q<{ ok: boolean }>(tx, 'SELECT pg_try_advisory_xact_lock($1::int8) AS ok', LOCK_KEY);
    if (!lock?.ok) return { locked: false, events: 0, calls: 0, lastSeq: 0n };
    await tx.$executeRawUnsafe(`INSERT INTO "MetricRollupCursor" ("name", "lastSeq", "updatedAt") VALUES ($1, 0, now()) ON CONFLICT DO NOTHING`, CURSOR);
    const [cur] = await q<{ s: string }>(tx, `SELECT "lastSeq"::text AS s FROM "MetricRollupCursor" WHERE "name" = $1`, CURSOR);
    const from = BigInt(cur!.s);
    const rows = await q<EventRow>(tx,
      `SELECT a."seq"::text AS seq, a."action", a."tenantId", a."toolSlug", a."outcome"::text AS outcome, a."errorCode", a."latencyMs",
              a."costMicros", a."actorId", a."traceId", (extract(epoch FROM a."createdAt") * 1000)::float8 AS ms
         FROM "AuditEvent" a WHERE a."seq" > $1::int8 ${sealedOnly ? SEALED : ''} ORDER BY a."seq" LIMIT $2::int`, from.toString(), batch);
    if (rows.length === 0) return { locked: true, events: 0, calls: 0, lastSeq: from };
    const calls = rows.filter((r) => r.action === 'tool.called' && r.tenantId && r.toolSlug);
    await addBatch(tx, calls, now);
    const lastSeq = BigInt(rows.at(-1)!.seq);
    await tx.$executeRawUnsafe(`UPDATE "MetricRollupCursor" SET "lastSeq" = $2::int8, "updatedAt" = now() WHERE "name" = $1`, CURSOR, lastSeq.toString());
    return { locked: true, events: rows.length, calls: calls.length, lastSeq };
  }, { timeout: 120_000, maxWait: 30_000 });
}

async function addBatch(tx: Tx, calls: EventRow[], now: number): Promise<void> {
  const c = { query: (text: string, values: unknown[]) => tx.$executeRawUnsafe(text, ...values) };
  const buckets = new Map<string, Bucket>();
  const actors = new Map<string, { hourStart: string; tenantId: string; toolSlug: string; actorId: string; calls: number; successes: number }>();
  const firsts = new Map<string, { tenantId: string; toolSlug: string; at: string }>();
  const tasks = new Map<string, { tenantId: string; traceId: string; firstAt: string; calls: number; costMicros: number }>();
  for (const e of calls) {
    const tenantId = e.tenantId!;
    const toolSlug = e.errorCode === 'UNKNOWN_TOOL' || e.errorCode === 'INVALID_PARAMS' ? UNRESOLVED : e.toolSlug!;
    const cost = e.costMicros ?? 0;
    for (const grain of Object.keys(GRAINS) as Grain[]) {
      const keep = KEEP_MS[grain];
      if (keep !== null && e.ms < now - keep) continue; // older than this grain is kept: the coarser grains hold it
      const bucketStart = floorTo(e.ms, GRAINS[grain]);
      const key = `${grain}|${bucketStart}|${tenantId}|${toolSlug}`;
      let b = buckets.get(key);
      if (!b) buckets.set(key, (b = { grain, bucketStart, tenantId, toolSlug, calls: 0, successes: 0, errors: 0, denied: 0, held: 0, untraced: 0, costMicros: 0, latencyHist: emptyHistogram() }));
      b.calls++;
      b.costMicros += cost;
      if (!e.traceId) b.untraced++;
      if (e.outcome === 'success') b.successes++;
      else if (e.outcome === 'error') b.errors++;
      else if (e.outcome === 'denied') b.denied++;
      else b.held++;
      // Latency of the calls that ran: a denial never ran, and a held call's time is a person's, not the tool's.
      if ((e.outcome === 'success' || e.outcome === 'error') && e.latencyMs !== null) record(b.latencyHist, e.latencyMs);
    }
    if (e.actorId && e.ms >= now - ACTORS_KEEP_MS) {
      const hourStart = floorTo(e.ms, GRAINS['1h']);
      const key = `${hourStart}|${tenantId}|${toolSlug}|${e.actorId}`;
      const a = actors.get(key) ?? { hourStart, tenantId, toolSlug, actorId: e.actorId, calls: 0, successes: 0 };
      a.calls++;
      if (e.outcome === 'success') a.successes++;
      actors.set(key, a);
    }
    if (e.outcome === 'success' && toolSlug !== UNRESOLVED) {
      const key = `${tenantId}|${toolSlug}`;
      const at = new Date(e.ms).toISOString();
      const f = firsts.get(key);
      if (!f || at < f.at) firsts.set(key, { tenantId, toolSlug, at });
    }
    if (e.traceId) {
      const key = `${tenantId}|${e.traceId}`;
      const at = new Date(e.ms).toISOString();
      const t = tasks.get(key) ?? { tenantId, traceId: e.traceId, firstAt: at, calls: 0, costMicros: 0 };
      t.calls++;
      t.costMicros += cost;
      if (at < t.firstAt) t.firstAt = at;
      tasks.set(key, t);
    }
  }
  if (buckets.size) {
    await c.query(
      `INSERT INTO "MetricRollup" AS m ("grain", "bucketStart", "tenantId", "toolSlug", "calls", "successes", "errors", "denied", "held", "untraced", "costMicros", "latencyHist")
       SELECT r.grain, r."bucketStart", r."tenantId", r."toolSlug", r.calls, r.successes, r.errors, r.denied, r.held, r.untraced, r."costMicros", r."latencyHist"
         FROM jsonb_to_recordset($1::jsonb) AS r(grain text, "bucketStart" timestamp, "tenantId" text, "toolSlug" text, calls int, successes int,
              errors int, denied int, held int, untraced int, "costMicros" bigint, "latencyHist" int[])
       ON CONFLICT ("grain", "bucketStart", "tenantId", "toolSlug") DO UPDATE SET
         "calls" = m."calls" + EXCLUDED."calls", "successes" = m."successes" + EXCLUDED."successes", "errors" = m."errors" + EXCLUDED."errors",
         "denied" = m."denied" + EXCLUDED."denied", "held" = m."held" + EXCLUDED."held", "untraced" = m."untraced" + EXCLUDED."untraced",
         "costMicros" = m."costMicros" + EXCLUDED."costMicros",
         "latencyHist" = ARRAY(SELECT coalesce(x, 0) + coalesce(y, 0) FROM unnest(m."latencyHist", EXCLUDED."latencyHist") WITH ORDINALITY AS h(x, y, i) ORDER BY i)`,
      [JSON.stringify([...buckets.values()])]);
  }
  if (actors.size) {
    await c.query(
      `INSERT INTO "MetricActorRollup" AS m ("hourStart", "tenantId", "toolSlug", "actorId", "calls", "successes")
       SELECT r."hourStart", r."tenantId", r."toolSlug", r."actorId", r.calls, r.successes
         FROM jsonb_to_recordset($1::jsonb) AS r("hourStart" timestamp, "tenantId" text, "toolSlug" text, "actorId" text, calls int, successes int)
       ON CONFLICT ("hourStart", "tenantId", "toolSlug", "actorId") DO UPDATE SET "calls" = m."calls" + EXCLUDED."calls", "successes" = m."successes" + EXCLUDED."successes"`,
      [JSON.stringify([...actors.values()])]);
  }
  if (firsts.size) {
    await c.query(
      `INSERT INTO "MetricFirstCall" AS m ("tenantId", "toolSlug", "firstSuccessAt")
       SELECT r."tenantId", r."toolSlug", r.at FROM jsonb_to_recordset($1::jsonb) AS r("tenantId" text, "toolSlug" text, at timestamp)
       ON CONFLICT ("tenantId", "toolSlug") DO UPDATE SET "firstSuccessAt" = LEAST(m."firstSuccessAt", EXCLUDED."firstSuccessAt")`,
      [JSON.stringify([...firsts.values()])]);
  }
  if (tasks.size) {
    await c.query(
      `INSERT INTO "MetricTask" AS m ("tenantId", "traceId", "firstAt", "calls", "costMicros")
       SELECT r."tenantId", r."traceId", r."firstAt", r.calls, r."costMicros"
         FROM jsonb_to_recordset($1::jsonb) AS r("tenantId" text, "traceId" text, "firstAt" timestamp, calls int, "costMicros" bigint)
       ON CONFLICT ("tenantId", "traceId") DO UPDATE SET "calls" = m."calls" + EXCLUDED."calls", "costMicros" = m."costMicros" + EXCLUDED."costMicros",
         "firstAt" = LEAST(m."firstAt", EXCLUDED."firstAt")`,
      [JSON.stringify([...tasks.values()])]);
  }
}

/** Drops the fine grains past the windows that read them (the daily grain stays, for incidents and trends). */
export async function pruneRollups(db: PrismaClient, now = Date.now()): Promise<void> {
  for (const [grain, keep] of Object.entries(KEEP_MS)) {
    if (keep !== null) await db.$executeRawUnsafe(`DELETE FROM "MetricRollup" WHERE "grain" = $1 AND "bucketStart" < $2::timestamp`, grain, new Date(now - keep - GRAINS['1d']).toISOString());
  }
  await db.$executeRawUnsafe(`DELETE FROM "MetricActorRollup" WHERE "hourStart" < $1::timestamp`, new Date(now - ACTORS_KEEP_MS - GRAINS['1d']).toISOString());
}

/** Rolls up everything available so far. */
export async function rollupAll(db: PrismaClient, opts: RollupOptions = {}): Promise<{ locked: boolean; events: number; calls: number }> {
  let events = 0;
  let calls = 0;
  for (;;) {
    const r = await rollupPending(db, opts);
    events += r.events;
    calls += r.calls;
    if (!r.locked || r.events === 0) return { locked: r.locked, events, calls };
  }
}
