import 'server-only';
// The sealer: follows the AuditEvent sequence and chains every event, in seq order, after the insert committed, so
// /mcp calls never wait for it. A seal is a row of AuditSeal (the event row itself is never updated). Sequence numbers are not commit-ordered (a lower seq may commit after a higher one)
// and rolled-back inserts leave numbers that never commit, so it seals only a contiguous prefix and declares a gap
// a hole (AuditChainGap, and sealed into the next event's hash) only once every transaction that was running when
// it first saw the gap has ended (and, in the server, a minute has passed). Replicas take an advisory lock: one
// seals at a time. Every 1,000 events or 60 s it writes a signed checkpoint of the chain head.
import type pg from 'pg';
import { chainHash, GENESIS_HASH, type SkippedRanges } from './canonical';
import { auditSigningKey, signCheckpoint } from './signing';

const LOCK_KEY = 0x41_55_44_54; // "AUDT"
/** The chain head: the last seal. */
const HEAD = `SELECT "seq"::text AS seq, "hash" FROM "AuditSeal" ORDER BY "AuditSeal"."seq" DESC LIMIT 1`;

export interface SealOptions {
  /** How long a gap must persist before it may be declared a hole. */
  holeAfterMs?: number;
  /** Events sealed per transaction. */
  batch?: number;
  checkpointEvery?: number;
  checkpointAfterMs?: number;
}

export interface SealResult {
  /** False when another process held the sealer's lock. */
  locked: boolean;
  sealed: number;
  sealedUpTo: bigint | null;
  holes: number;
  checkpoint: bigint | null;
}

interface PendingGap {
  fromSeq: bigint;
  firstSeenMs: number;
  xmax: bigint;
}
const pendingGaps = new WeakMap<pg.Pool, PendingGap>();

type Client = pg.PoolClient;

async function one<R extends pg.QueryResultRow>(c: Client, text: string, values: unknown[] = []): Promise<R | undefined> {
  return (await c.query<R>(text, values)).rows[0];
}

/** Seals the next contiguous run of committed events (one transaction); call repeatedly until sealed is 0. */
export async function sealPending(pool: pg.Pool, opts: SealOptions = {}): Promise<SealResult> {
  const { holeAfterMs = 60_000, batch = 1_000 } = opts;
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    const lock = await one<{ ok: boolean }>(c, 'SELECT pg_try_advisory_xact_lock($1) AS ok', [LOCK_KEY]);
    if (!lock?.ok) {
      await c.query('ROLLBACK');
      return { locked: false, sealed: 0, sealedUpTo: null, holes: 0, checkpoint: null };
    }
    const head = await one<{ seq: string; hash: string }>(c, HEAD);
    const lastSealed = head ? BigInt(head.seq) : 0n;
    const { rows: declared } = await c.query<{ from: string; to: string }>(
      `SELECT "fromSeq"::text AS "from", "toSeq"::text AS "to" FROM "AuditChainGap" WHERE "toSeq" > $1 ORDER BY "AuditChainGap"."fromSeq"`, [lastSealed.toString()]);
    let skipped: SkippedRanges = declared.map((g) => [g.from, g.to]);
    const pos = declared.length > 0 ? BigInt(declared.at(-1)!.to) : lastSealed;
    const { rows } = await c.query<{ seq: string; doc: Record<string, unknown> }>(
      `SELECT "seq"::text AS seq, to_jsonb(a) AS doc FROM "AuditEvent" a WHERE a."seq" > $1 ORDER BY a."seq" LIMIT $2`, [pos.toString(), batch]);
    const snap = await one<{ xmin: string; xmax: string }>(c, `SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin, pg_snapshot_xmax(pg_current_snapshot())::text AS xmax`);
    let prev = head?.hash ?? GENESIS_HASH;
    let expected = pos + 1n;
    let holes = 0;
    const seals: { s: string; h: string; p: string }[] = [];
    for (const row of rows) {
      const seq = BigInt(row.seq);
      if (seq > expected) {
        if (!isHole(pool, expected, BigInt(snap!.xmin), BigInt(snap!.xmax), holeAfterMs)) break;
        await c.query(`INSERT INTO "AuditChainGap" ("fromSeq", "toSeq") VALUES ($1, $2)`, [expected.toString(), (seq - 1n).toString()]);
        skipped.push([expected.toString(), (seq - 1n).toString()]);
        holes++;
      }
      const hash = chainHash(prev, row.doc, skipped);
      seals.push({ s: row.seq, h: hash, p: prev });
      prev = hash;
      skipped = [];
      expected = seq + 1n;
    }
    if (seals.length > 0) {
      await c.query(`INSERT INTO "AuditSeal" ("seq", "hash", "prevHash") SELECT u.s, u.h, u.p FROM jsonb_to_recordset($1::jsonb) AS u(s bigint, h text, p text)`, [JSON.stringify(seals)]);
    }
    const sealedUpTo = seals.length > 0 ? BigInt(seals.at(-1)!.s) : head ? lastSealed : null;
    const checkpoint = sealedUpTo !== null && seals.length > 0 ? await maybeCheckpoint(c, sealedUpTo, prev, opts) : null;
    await c.query('COMMIT');
    return { locked: true, sealed: seals.length, sealedUpTo, holes, checkpoint };
  } catch (e) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    c.release();
  }
}

/** A gap is a hole once it has lasted holeAfterMs and every transaction running when it was first seen has ended. */
function isHole(pool: pg.Pool, fromSeq: bigint, xmin: bigint, xmax: bigint, holeAfterMs: number): boolean {
  const seen = pendingGaps.get(pool);
  if (!seen || seen.fromSeq !== fromSeq) {
    pendingGaps.set(pool, { fromSeq, firstSeenMs: Date.now(), xmax });
    return false;
  }
  if (Date.now() - seen.firstSeenMs < holeAfterMs || xmin < seen.xmax) return false;
  pendingGaps.delete(pool);
  return true;
}

async function maybeCheckpoint(c: Client, seq: bigint, hash: string, opts: SealOptions): Promise<bigint | null> {
  const { checkpointEvery = 1_000, checkpointAfterMs = 60_000 } = opts;
  const last = await one<{ seq: string; ageMs: number }>(c,
    `SELECT "seq"::text AS seq, (extract(epoch FROM (now() - "createdAt")) * 1000)::float8 AS "ageMs" FROM "AuditCheckpoint" ORDER BY "AuditCheckpoint"."seq" DESC LIMIT 1`);
  if (last && seq - BigInt(last.seq) < BigInt(checkpointEvery) && last.ageMs < checkpointAfterMs) return null;
  return insertCheckpoint(c, seq, hash);
}

async function insertCheckpoint(c: Client, seq: bigint, hash: string): Promise<bigint> {
  const key = auditSigningKey();
  await c.query(`INSERT INTO "AuditCheckpoint" ("seq", "hash", "signature", "keyId") VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
    [seq.toString(), hash, signCheckpoint(key, seq, hash), key.keyId]);
  return seq;
}

/** Signs a checkpoint of the current chain head now (the purge anchors on one); null when nothing is sealed. */
export async function checkpointNow(pool: pg.Pool): Promise<bigint | null> {
  const c = await pool.connect();
  try {
    const head = await one<{ seq: string; hash: string }>(c, HEAD);
    return head ? await insertCheckpoint(c, BigInt(head.seq), head.hash) : null;
  } finally {
    c.release();
  }
}

/** Seals until nothing more can be sealed now. */
export async function sealAll(pool: pg.Pool, opts: SealOptions = {}): Promise<SealResult> {
  let total: SealResult = { locked: true, sealed: 0, sealedUpTo: null, holes: 0, checkpoint: null };
  for (;;) {
    const r = await sealPending(pool, opts);
    total = { locked: r.locked, sealed: total.sealed + r.sealed, sealedUpTo: r.sealedUpTo ?? total.sealedUpTo, holes: total.holes + r.holes, checkpoint: r.checkpoint ?? total.checkpoint };
    if (!r.locked || r.sealed === 0) return total;
  }
}
