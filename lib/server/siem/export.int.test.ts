// SIEM export: sealed audit events leave in seq order, to a rotated JSON Lines file and to a signed HTTP endpoint,
// and a restart resumes where the sink is, with no gap and no duplicate.
import crypto, { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { sealAll } from '@/lib/server/audit-chain/sealer';
import { writeAudit } from '@/lib/server/audit';
import { getDb, getPgPool } from '@/lib/server/db/client';
import { SYSTEM_ACTOR } from '@/lib/testing/mcp';
import { exportBatch, fileSink, httpSink, type SiemEvent } from './export';

let pool: pg.Pool;
const seal = () => sealAll(pool, { holeAfterMs: 0, checkpointAfterMs: 3_600_000, checkpointEvery: 1_000_000 });
const sealedCount = async () => Number((await pool.query<{ n: string }>('SELECT count(*)::text AS n FROM "AuditEvent" a JOIN "AuditSeal" s ON s.seq = a.seq')).rows[0]!.n);
const seqsIn = (text: string) => text.split('\n').filter(Boolean).map((l) => BigInt((JSON.parse(l) as SiemEvent).seq));

beforeAll(async () => {
  pool = await getPgPool();
  await seal();
});

describe('SIEM export', () => {
  it('writes every sealed event once, in order, to a rotated file, and resumes after a crash without repeating', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'siem-'));
    const file = path.join(dir, 'audit.jsonl');
    const sink = fileSink(file, 64 * 1024);
    while ((await exportBatch(pool, sink, 200)) > 0);
    // A "crash" after the file write but before the cursor moved: the next batch is written by hand, cursor untouched.
    for (let i = 0; i < 3; i++) await writeAudit(await getDb(), SYSTEM_ACTOR, { requestId: randomUUID(), action: 'siem.tested', resourceType: 'test' });
    await seal();
    // The batch that crashed is the next one after the cursor (other test files may seal more events meanwhile).
    const cursor = (await pool.query<{ s: string }>(`SELECT "lastSeq"::text AS s FROM "SiemCursor" WHERE sink = $1`, [sink.name])).rows[0]!.s;
    const { rows } = await pool.query<{ e: SiemEvent }>(`SELECT (to_jsonb(a) - 'seq') || jsonb_build_object('seq', a."seq"::text, 'hash', s.hash) AS e FROM "AuditEvent" a JOIN "AuditSeal" s ON s.seq = a.seq WHERE a.seq > $1 ORDER BY a.seq LIMIT 3`, [cursor]);
    const extra = rows.map((r) => r.e);
    expect(extra.length).toBeGreaterThan(0);
    await sink.write(extra, extra.map((e) => `${JSON.stringify(e)}\n`).join(''));
    while ((await exportBatch(pool, sink, 200)) > 0);

    const all = fs.readdirSync(dir).sort((a, b) => (a === 'audit.jsonl' ? 1 : b === 'audit.jsonl' ? -1 : a.localeCompare(b)));
    expect(all.length).toBeGreaterThan(1); // rotated at 64 KiB
    const seqs = all.flatMap((f) => seqsIn(fs.readFileSync(path.join(dir, f), 'utf8')));
    expect(new Set(seqs.map(String)).size).toBe(seqs.length); // no duplicate
    expect(seqs.every((s, i) => i === 0 || s > seqs[i - 1]!)).toBe(true); // in order
    const sealedSeqs = (await pool.query<{ s: string }>(`SELECT a.seq::text AS s FROM "AuditEvent" a JOIN "AuditSeal" s ON s.seq = a.seq WHERE a.seq <= $1 ORDER BY a.seq`, [String(seqs.at(-1))])).rows.map((r) => BigInt(r.s));
    expect(seqs).toEqual(sealedSeqs); // no gap
    // Each event travels with its seal, so a receiver can check the chain.
    const first = JSON.parse(fs.readFileSync(path.join(dir, all[0]!), 'utf8').split('\n')[0]!) as { hash?: string; prevHash?: string; sealedAt?: string };
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(first.prevHash).toMatch(/^[0-9a-f]{64}$/);
    expect(first.sealedAt).toBeTruthy();
    expect(seqs.length).toBeGreaterThanOrEqual(await sealedCount() - 50); // others may seal new events meanwhile
  });

  it('posts signed batches to an HTTP endpoint, retrying a refused batch, and moves on only once accepted', async () => {
    const secret = 'siem-test-secret-0123456789';
    const got: { batch: string; body: string; ok: boolean }[] = [];
    let refuseNext = true;
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (d: Buffer) => chunks.push(d));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const [t, v1] = String(req.headers['x-siem-signature']).split(',').map((p) => p.split('=')[1]!);
        const ok = crypto.createHmac('sha256', secret).update(`${t}.${body}`).digest('hex') === v1;
        got.push({ batch: String(req.headers['x-siem-batch']), body, ok });
        if (refuseNext) {
          refuseNext = false;
          res.writeHead(503).end();
        } else res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const sink = httpSink(`http://127.0.0.1:${(server.address() as AddressInfo).port}/ingest`, secret, { backoffMs: 1 });
      const n = await exportBatch(pool, sink, 100);
      expect(n).toBeGreaterThan(0);
      expect(got.length).toBe(2); // refused once, retried
      expect(got.every((g) => g.ok)).toBe(true);
      expect(got[1]!.batch).toBe(got[0]!.batch);
      const seqs = seqsIn(got[1]!.body);
      expect(got[1]!.batch).toBe(`${seqs[0]}-${seqs.at(-1)}`);
      const before = got.length;
      await exportBatch(pool, sink, 100);
      if (got.length > before) expect(seqsIn(got.at(-1)!.body)[0]! > seqs.at(-1)!).toBe(true); // resumes after the last accepted
    } finally {
      server.close();
    }
  });
});
