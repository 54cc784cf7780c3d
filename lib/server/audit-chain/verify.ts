import 'server-only';
// Recomputes the chain from its start (genesis, or the latest purge anchor) in seq order, a page at a time, and names
// the first event that was changed, deleted or moved. Declared holes (AuditChainGap) are numbers that never
// committed; any other missing number is a deleted event. Checkpoint signatures and hashes must match the chain.
import type pg from 'pg';
import { chainHash, GENESIS_HASH, type SkippedRanges } from './canonical';
import { checkpointSignatureValid, type SigningKey } from './signing';

export interface ChainProblem {
  kind: 'changed' | 'missing' | 'reordered' | 'checkpoint' | 'anchor';
  seq: string;
  id: string | null;
}

export interface ChainVerification {
  ok: boolean;
  verified: number;
  upToSeq: string | null;
  lastCheckpoint: { seq: string; signatureValid: boolean } | null;
  unsealed: number;
  message: string;
  problem: ChainProblem | null;
}

type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;
interface EventRow { seq: string; id: string; hash: string | null; prevHash: string | null; doc: Record<string, unknown> }

const PAGE = 2_000;

export async function verifyAuditChain(db: Queryable, key: SigningKey): Promise<ChainVerification> {
  const anchor = (await db.query<{ seq: string; hash: string }>(`SELECT "seq"::text AS seq, "hash" FROM "AuditChainAnchor" ORDER BY "AuditChainAnchor"."seq" DESC LIMIT 1`)).rows[0];
  const start = anchor ? BigInt(anchor.seq) : 0n;
  const { rows: checkpoints } = await db.query<{ seq: string; hash: string; signature: string; keyId: string }>(
    `SELECT "seq"::text AS seq, "hash", "signature", "keyId" FROM "AuditCheckpoint" WHERE "seq" >= $1 ORDER BY "AuditCheckpoint"."seq"`, [start.toString()]);
  const { rows: gaps } = await db.query<{ from: string; to: string }>(
    `SELECT "fromSeq"::text AS "from", "toSeq"::text AS "to" FROM "AuditChainGap" WHERE "toSeq" > $1 ORDER BY "AuditChainGap"."fromSeq"`, [start.toString()]);
  const last = checkpoints.at(-1);
  const lastCheckpoint = last ? { seq: last.seq, signatureValid: checkpointSignatureValid(key, last) } : null;
  let verified = 0;
  let upTo: bigint | null = null;
  let unsealed = 0;
  const fail = (kind: ChainProblem['kind'], seq: bigint | string, id: string | null, message: string): ChainVerification => ({
    ok: false, verified, upToSeq: upTo?.toString() ?? null, lastCheckpoint, unsealed, message, problem: { kind, seq: seq.toString(), id },
  });

  for (const cp of checkpoints) {
    if (!checkpointSignatureValid(key, cp)) return fail('checkpoint', cp.seq, null, `checkpoint at seq ${cp.seq}: signature invalid (or signed by key ${cp.keyId}, not ${key.keyId})`);
  }
  const cpBySeq = new Map(checkpoints.map((c) => [c.seq, c.hash]));
  if (anchor && cpBySeq.get(anchor.seq) !== anchor.hash) return fail('anchor', anchor.seq, null, `the purge anchor at seq ${anchor.seq} is not a signed checkpoint`);
  const inGap = (s: bigint) => gaps.some((g) => BigInt(g.from) <= s && s <= BigInt(g.to));

  let prev = anchor?.hash ?? GENESIS_HASH;
  let expected = start + 1n;
  let firstUnsealed: EventRow | null = null;
  let anchorAudited = !anchor;
  for (let after = start; ;) {
    const { rows } = await db.query<EventRow>(
      `SELECT a."seq"::text AS seq, a."id", s."hash", s."prevHash", to_jsonb(a) AS doc FROM "AuditEvent" a LEFT JOIN "AuditSeal" s ON s."seq" = a."seq"
        WHERE a."seq" > $1 ORDER BY a."seq" LIMIT ${PAGE}`, [after.toString()]);
    for (const row of rows) {
      const seq = BigInt(row.seq);
      if (anchor && row.doc.action === 'audit.purged' && (row.doc.details as { anchorSeq?: string } | null)?.anchorSeq === anchor.seq) anchorAudited = true;
      if (!row.hash) {
        unsealed++;
        if (!inGap(seq)) firstUnsealed ??= row; // a number declared a hole that committed late is never chained
        continue;
      }
      if (firstUnsealed) return fail('changed', firstUnsealed.seq, firstUnsealed.id, `event seq ${firstUnsealed.seq} (id ${firstUnsealed.id}) lost its seal: later events are sealed`);
      if (inGap(seq)) return fail('changed', seq, row.id, `event seq ${seq} (id ${row.id}) sits on a number declared never committed`);
      const skipped: SkippedRanges = [];
      for (let m = expected; m < seq; m++) {
        const g = gaps.find((x) => BigInt(x.from) === m);
        if (!g) return fail('missing', m, null, `event seq ${m} is missing (deleted): the chain continues at seq ${seq} (id ${row.id})`);
        skipped.push([g.from, g.to]);
        m = BigInt(g.to);
      }
      if (row.prevHash !== prev) {
        const moved = (await db.query<{ seq: string; id: string }>(
          `SELECT a."seq"::text AS seq, a."id" FROM "AuditSeal" s JOIN "AuditEvent" a ON a."seq" = s."seq" WHERE s."hash" = $1 LIMIT 1`, [row.prevHash])).rows[0];
        if (moved) return fail('reordered', seq, row.id, `event seq ${seq} (id ${row.id}) is out of order: it was sealed after seq ${moved.seq} (id ${moved.id})`);
        return fail('missing', seq, row.id, `the event sealed before seq ${seq} (id ${row.id}) is missing`);
      }
      if (chainHash(prev, row.doc, skipped) !== row.hash) return fail('changed', seq, row.id, `event seq ${seq} (id ${row.id}) was changed after it was sealed`);
      const cp = cpBySeq.get(row.seq);
      if (cp !== undefined && cp !== row.hash) return fail('changed', seq, row.id, `event seq ${seq} (id ${row.id}) does not match the checkpoint signed at its position`);
      prev = row.hash;
      expected = seq + 1n;
      upTo = seq;
      verified++;
    }
    if (rows.length < PAGE) break;
    after = BigInt(rows.at(-1)!.seq);
  }
  // A seal outlives its event: a seal past the last event verified names a deleted event at the end of the chain.
  const orphan = (await db.query<{ seq: string | null }>(`SELECT min("seq")::text AS seq FROM "AuditSeal" WHERE "seq" > $1`, [(upTo ?? start).toString()])).rows[0]?.seq;
  if (orphan) return fail('missing', BigInt(orphan), null, `event seq ${orphan} is missing (deleted): it was sealed, and the chain stops at seq ${upTo ?? start}`);
  if (last && (upTo ?? start) < BigInt(last.seq)) {
    return fail('missing', (upTo ?? start) + 1n, null, `events after seq ${upTo ?? start} are missing: a checkpoint was signed at seq ${last.seq}`);
  }
  if (!anchorAudited) return fail('anchor', anchor!.seq, null, `the purge anchor at seq ${anchor!.seq} has no audit.purged event`);
  const cpText = lastCheckpoint ? `last checkpoint at seq ${lastCheckpoint.seq}, signature valid` : 'no checkpoint yet';
  const from = anchor ? ` from the purge anchor at seq ${anchor.seq}` : '';
  const pending = unsealed > 0 ? `; ${unsealed} newer event(s) not sealed yet` : '';
  return { ok: true, verified, upToSeq: upTo?.toString() ?? null, lastCheckpoint, unsealed, message: `verified ${verified} events up to seq ${upTo ?? start}${from} (${cpText})${pending}`, problem: null };
}

/** Records a verification for the Audit page's "last verification". */
export async function recordVerification(db: Queryable, r: ChainVerification): Promise<void> {
  await db.query(`INSERT INTO "AuditVerification" ("id", "ok", "verified", "upToSeq", "message") VALUES (gen_random_uuid()::text, $1, $2, $3, $4)`,
    [r.ok, r.verified, r.upToSeq, r.message]);
}
