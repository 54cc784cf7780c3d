import 'server-only';
// Continuous export of the audit trail to a SIEM: JSON Lines to a rotated file and/or batched, HMAC-signed POSTs.
// Only sealed events are exported, in seq order: the sealed events are a contiguous prefix of the chain (the sealer
// never seals past an unsealed seq), so an export that follows them can have no gap. Each sink keeps its position
// (SiemCursor), advanced in the transaction that holds the sink's lock, after the sink accepted the batch; a file
// sink also resumes after the last seq it finds in its file, so a crash between the write and the cursor update
// repeats nothing. An HTTP receiver gets `X-Siem-Batch: <first>-<last>` to drop a batch repeated after such a crash.
import fs from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { signTimestamped } from '@/lib/server/crypto';
import { forComponent } from '@/lib/server/logger';

export interface SiemEvent {
  seq: string;
  [key: string]: unknown;
}

export interface SiemSink {
  /** The cursor's key: one position per destination. */
  name: string;
  /** The last seq the destination already holds, when it can tell (a file can), else null. */
  lastWritten(): Promise<bigint | null>;
  write(events: SiemEvent[], lines: string): Promise<void>;
}

export function fileSink(file: string, maxBytes = 64 * 1024 * 1024): SiemSink {
  return {
    name: `file:${path.resolve(file)}`,
    async lastWritten() {
      let fd: fs.promises.FileHandle;
      try {
        fd = await fs.promises.open(file, 'r');
      } catch {
        return null;
      }
      try {
        const { size } = await fd.stat();
        const tail = Buffer.alloc(Math.min(size, 64 * 1024));
        await fd.read(tail, 0, tail.length, size - tail.length);
        const lines = tail.toString('utf8').split('\n').filter((l) => l.trim());
        for (let i = lines.length - 1; i >= 0; i--) {
          const m = /"seq":"(\d+)"/.exec(lines[i]!);
          if (m) return BigInt(m[1]!);
        }
        return null;
      } finally {
        await fd.close();
      }
    },
    async write(_events, lines) {
      await fs.promises.mkdir(path.dirname(path.resolve(file)), { recursive: true });
      const size = await fs.promises.stat(file).then((s) => s.size, () => 0);
      if (size > 0 && size + Buffer.byteLength(lines) > maxBytes) {
        await fs.promises.rename(file, `${file}.${new Date().toISOString().replace(/[:.]/g, '-')}`);
      }
      const fd = await fs.promises.open(file, 'a');
      try {
        await fd.write(lines);
        await fd.sync();
      } finally {
        await fd.close();
      }
    },
  };
}

export function httpSink(url: string, secret: string, opts: { attempts?: number; backoffMs?: number; timeoutMs?: number } = {}): SiemSink {
  const { attempts = 3, backoffMs = 200, timeoutMs = 10_000 } = opts;
  return {
    name: `http:${url}`,
    lastWritten: async () => null,
    async write(events, lines) {
      const signature = signTimestamped(secret, lines);
      let last = '';
      for (let i = 0; i < attempts; i++) {
        if (i > 0) await new Promise((r) => setTimeout(r, backoffMs * 4 ** (i - 1)));
        try {
          const res = await fetch(url, {
            method: 'POST', body: lines, signal: AbortSignal.timeout(timeoutMs),
            headers: { 'content-type': 'application/x-ndjson', 'x-siem-signature': signature, 'x-siem-batch': `${events[0]!.seq}-${events.at(-1)!.seq}` },
          });
          if (res.ok) return;
          last = `HTTP ${res.status}`;
        } catch (e) {
          last = e instanceof Error ? e.message : String(e);
        }
      }
      throw new Error(`the SIEM endpoint did not accept the batch after ${attempts} attempts (${last})`);
    },
  };
}

const lockKey = (sink: string) => `siem:${sink}`;

/** Exports the next batch of sealed events to one sink; returns how many were exported (0: up to date, or locked). */
export async function exportBatch(pool: pg.Pool, sink: SiemSink, limit = 500): Promise<number> {
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    const { rows: lock } = await c.query<{ ok: boolean }>('SELECT pg_try_advisory_xact_lock(hashtext($1)) AS ok', [lockKey(sink.name)]);
    if (!lock[0]?.ok) {
      await c.query('ROLLBACK');
      return 0;
    }
    await c.query(`INSERT INTO "SiemCursor" ("sink") VALUES ($1) ON CONFLICT ("sink") DO NOTHING`, [sink.name]);
    const { rows: cur } = await c.query<{ seq: string }>(`SELECT "lastSeq"::text AS seq FROM "SiemCursor" WHERE "sink" = $1`, [sink.name]);
    const written = await sink.lastWritten();
    let from = BigInt(cur[0]!.seq);
    if (written !== null && written > from) from = written;
    const { rows } = await c.query<{ e: SiemEvent }>(
      `SELECT (to_jsonb(a) - 'seq') || jsonb_build_object('seq', a."seq"::text, 'hash', s."hash", 'prevHash', s."prevHash", 'sealedAt', s."sealedAt") AS e
         FROM "AuditEvent" a JOIN "AuditSeal" s ON s."seq" = a."seq"
        WHERE a."seq" > $1 ORDER BY a."seq" LIMIT $2`, [from.toString(), limit]);
    const events = rows.map((r) => r.e);
    if (events.length) await sink.write(events, events.map((e) => `${JSON.stringify(e)}\n`).join(''));
    const last = events.length ? events.at(-1)!.seq : from.toString();
    await c.query(`UPDATE "SiemCursor" SET "lastSeq" = $2, "updatedAt" = now() WHERE "sink" = $1`, [sink.name, last]);
    await c.query('COMMIT');
    return events.length;
  } catch (e) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    c.release();
  }
}

/** The sinks this deployment configured (SIEM_FILE_PATH, SIEM_HTTP_URL + SIEM_HTTP_SECRET). */
export function configuredSinks(e: { SIEM_FILE_PATH?: string; SIEM_FILE_MAX_BYTES?: number; SIEM_HTTP_URL?: string; SIEM_HTTP_SECRET?: string }): SiemSink[] {
  const sinks: SiemSink[] = [];
  if (e.SIEM_FILE_PATH) sinks.push(fileSink(e.SIEM_FILE_PATH, e.SIEM_FILE_MAX_BYTES));
  if (e.SIEM_HTTP_URL && e.SIEM_HTTP_SECRET) sinks.push(httpSink(e.SIEM_HTTP_URL, e.SIEM_HTTP_SECRET));
  return sinks;
}

/** Everything sealed, to every sink; a failing sink backs off (doubling, up to a minute) without holding the others. */
const backoff = new Map<string, { until: number; delayMs: number }>();
export async function exportAll(pool: pg.Pool, sinks: SiemSink[], now = Date.now()): Promise<void> {
  for (const sink of sinks) {
    const b = backoff.get(sink.name);
    if (b && b.until > now) continue;
    try {
      while ((await exportBatch(pool, sink)) > 0);
      backoff.delete(sink.name);
    } catch (e) {
      const delayMs = Math.min((b?.delayMs ?? 500) * 2, 60_000);
      backoff.set(sink.name, { until: now + delayMs, delayMs });
      forComponent('siem').error({ sink: sink.name, retryInMs: delayMs, err: e instanceof Error ? e.message : String(e) }, `export to ${sink.name} failed; retrying in ${delayMs} ms`);
    }
  }
}
