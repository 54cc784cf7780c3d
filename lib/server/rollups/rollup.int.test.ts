// The metric rollup against the raw audit events: same counts, cost and latency histograms on a known set; a re-run
// adds nothing; an event that commits after a higher seq is counted once, after it commits; held calls stay out of
// the latency. Each test uses its own tenant and tool (other files write audit events meanwhile).
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Prisma } from '@/lib/generated/prisma/client';
import { sealPending } from '@/lib/server/audit-chain/sealer';
import { getDb, getPgPool } from '@/lib/server/db/client';
import { newRequestId } from '@/lib/server/ids';
import { createFreshTenant } from '@/lib/testing/fresh-tenant';
import { emptyHistogram, percentile, record } from './histogram';
import { rollupAll } from './rollup';

let pool: pg.Pool;
beforeAll(async () => {
  pool = await getPgPool();
});

const HOUR = 3_600_000;
const base = Math.floor(Date.now() / HOUR) * HOUR - 5 * HOUR; // a whole hour, five hours ago
type Outcome = 'success' | 'error' | 'denied' | 'pending_approval';

function call(tenantId: string, toolSlug: string, at: number, outcome: Outcome, latencyMs: number, costMicros: number, extra: Partial<Prisma.AuditEventCreateManyInput> = {}): Prisma.AuditEventCreateManyInput {
  return {
    requestId: newRequestId(), tenantId, actorKind: 'agent', actorId: 'tok-a', actorLabel: 'token:test', via: 'mcp', action: 'tool.called', resourceType: 'tool',
    resourceId: toolSlug, toolSlug, outcome, latencyMs, costMicros, resourcesTouched: [], createdAt: new Date(at), ...extra,
  };
}

async function maxSeq(tenantId: string): Promise<bigint> {
  const r = await (await getDb()).auditEvent.findFirstOrThrow({ where: { tenantId }, orderBy: { seq: 'desc' }, select: { seq: true } });
  return r.seq;
}

/** Seals (holes declared as soon as provable) and rolls up until `seq` is behind the rollup's cursor. */
async function rollThrough(seq: bigint): Promise<void> {
  const db = await getDb();
  for (let i = 0; i < 200; i++) {
    await sealPending(pool, { holeAfterMs: 0, checkpointAfterMs: 3_600_000, checkpointEvery: 1_000_000 });
    await rollupAll(db);
    const cur = await db.metricRollupCursor.findUnique({ where: { name: 'tool-calls' } });
    if (cur && cur.lastSeq >= seq) return;
  }
  throw new Error(`seq ${seq} was not rolled up`);
}

const rollups = async (tenantId: string, grain = '1h') =>
  (await getDb()).metricRollup.findMany({ where: { tenantId, grain }, orderBy: [{ bucketStart: 'asc' }, { toolSlug: 'asc' }] });

describe('metric rollup', () => {
  it('equals the raw aggregation on a known set, in every grain, and a re-run changes nothing', async () => {
    const { tenant } = await createFreshTenant('roll');
    const db = await getDb();
    const rows: Prisma.AuditEventCreateManyInput[] = [];
    const outcomes: Outcome[] = ['success', 'success', 'success', 'error', 'denied', 'pending_approval'];
    for (let i = 0; i < 240; i++) {
      const tool = i % 3 === 0 ? 'alpha' : 'beta';
      rows.push(call(tenant.id, tool, base + (i * 97_000) % (3 * HOUR), outcomes[i % outcomes.length]!, 5 + ((i * 37) % 900), 10 + i));
    }
    await db.auditEvent.createMany({ data: rows });
    await rollThrough(await maxSeq(tenant.id));

    for (const [grain, step] of [['5m', 300_000], ['1h', HOUR], ['1d', 24 * HOUR]] as const) {
      const expected = new Map<string, { calls: number; successes: number; errors: number; denied: number; held: number; cost: number; hist: number[] }>();
      for (const r of rows) {
        const key = `${new Date(Math.floor((r.createdAt as Date).getTime() / step) * step).toISOString()}|${r.toolSlug}`;
        const e = expected.get(key) ?? { calls: 0, successes: 0, errors: 0, denied: 0, held: 0, cost: 0, hist: emptyHistogram() };
        e.calls++;
        e.cost += r.costMicros!;
        if (r.outcome === 'success') e.successes++;
        if (r.outcome === 'error') e.errors++;
        if (r.outcome === 'denied') e.denied++;
        if (r.outcome === 'pending_approval') e.held++;
        if (r.outcome === 'success' || r.outcome === 'error') record(e.hist, r.latencyMs!);
        expected.set(key, e);
      }
      const got = new Map((await rollups(tenant.id, grain)).map((r) => [`${r.bucketStart.toISOString()}|${r.toolSlug}`,
        { calls: r.calls, successes: r.successes, errors: r.errors, denied: r.denied, held: r.held, cost: Number(r.costMicros), hist: r.latencyHist }]));
      expect(got).toEqual(expected);
    }
    // Latency percentiles of the merged rollup equal those of the raw latencies' histogram.
    const merged = emptyHistogram();
    for (const r of await rollups(tenant.id)) r.latencyHist.forEach((n, i) => (merged[i]! += n));
    const raw = emptyHistogram();
    for (const r of rows) if (r.outcome === 'success' || r.outcome === 'error') record(raw, r.latencyMs!);
    expect(percentile(merged, 0.95)).toBe(percentile(raw, 0.95));

    const before = await rollups(tenant.id, '5m');
    await rollThrough(await maxSeq(tenant.id));
    await rollupAll(db);
    expect(await rollups(tenant.id, '5m')).toEqual(before);
  });

  it('keeps held calls and denials out of the latency, and counts them as escalations and denials', async () => {
    const { tenant } = await createFreshTenant('held');
    const db = await getDb();
    await db.auditEvent.createMany({ data: [
      call(tenant.id, 'refund', base + 1000, 'success', 40, 100),
      call(tenant.id, 'refund', base + 2000, 'success', 50, 100),
      call(tenant.id, 'refund', base + 3000, 'pending_approval', 3_600_000, 0), // an hour waiting for a person
      call(tenant.id, 'refund', base + 4000, 'denied', 90_000, 0),
    ] });
    await rollThrough(await maxSeq(tenant.id));
    const [row] = await rollups(tenant.id);
    expect([row!.calls, row!.successes, row!.held, row!.denied]).toEqual([4, 2, 1, 1]);
    expect(row!.latencyHist.reduce((s, n) => s + n, 0)).toBe(2);
    expect(percentile(row!.latencyHist, 0.95)).toBeLessThan(60);
  });

  it('maps names the pipeline could not resolve to one row, and keeps other actions out', async () => {
    const { tenant } = await createFreshTenant('unres');
    const db = await getDb();
    await db.auditEvent.createMany({ data: [
      call(tenant.id, `made_up_${randomBytes(3).toString('hex')}`, base, 'denied', 1, 0, { errorCode: 'UNKNOWN_TOOL' }),
      call(tenant.id, `made_up_${randomBytes(3).toString('hex')}`, base, 'denied', 1, 0, { errorCode: 'UNKNOWN_TOOL' }),
      call(tenant.id, 'kb', base, 'success', 10, 1, { action: 'tool.dispatched' }),
    ] });
    await rollThrough(await maxSeq(tenant.id));
    expect((await rollups(tenant.id)).map((r) => [r.toolSlug, r.calls])).toEqual([['(not resolved)', 2]]);
  });

  it.skipIf(process.env.TEST_DB_KIND !== 'postgres')('counts an event that commits after a higher seq once, after it commits', async () => {
    // (PGlite serialises transactions, so commits cannot land out of order there.)
    const { tenant } = await createFreshTenant('ooo');
    const db = await getDb();
    const late = await pool.connect();
    try {
      await late.query('BEGIN');
      await late.query(`INSERT INTO "AuditEvent" ("id", "requestId", "tenantId", "actorKind", "actorLabel", "via", "action", "resourceType", "toolSlug", "outcome", "latencyMs", "costMicros", "resourcesTouched", "createdAt")
        VALUES ($1, $2, $3, 'agent', 'token:test', 'mcp', 'tool.called', 'tool', 'late', 'success', 20, 5, '{}', $4)`, [`late-${randomBytes(6).toString('hex')}`, newRequestId(), tenant.id, new Date(base).toISOString().replace('Z', '')]);
      await db.auditEvent.createMany({ data: [call(tenant.id, 'early', base, 'success', 30, 7)] });
      const higher = await maxSeq(tenant.id);
      for (let i = 0; i < 3; i++) {
        await sealPending(pool, { holeAfterMs: 0, checkpointAfterMs: 3_600_000, checkpointEvery: 1_000_000 });
        await rollupAll(db);
      }
      // The committed event waits behind the open one: nothing of this tenant is rolled up yet.
      expect(await rollups(tenant.id)).toEqual([]);
      await late.query('COMMIT');
      await rollThrough(higher);
    } finally {
      await late.query('ROLLBACK').catch(() => undefined);
      late.release();
    }
    expect((await rollups(tenant.id)).map((r) => [r.toolSlug, r.calls])).toEqual([['early', 1], ['late', 1]]);
  });
});
