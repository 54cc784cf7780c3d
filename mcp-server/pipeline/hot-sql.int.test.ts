// The two per-call statements of /mcp in plain SQL (named prepared statements), against the real database: exact
// counts, the same rows Prisma sees, several pools on one database (on the embedded database they share one session,
// where named statements fall back to unnamed ones), and the audit row as Prisma reads it back.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/policy';
import { auditRow } from '@/lib/server/audit';
import { getDb, getDbState, getPgPool } from '@/lib/server/db/client';
import { claimCounters, counterSlot, decrementCounters, incrementCounters, insertAuditRow, type CounterIncrement } from './hot-sql';

const pools: pg.Pool[] = [];
async function anotherPool(max = 3): Promise<pg.Pool> {
  const pool = new pg.Pool({ connectionString: (await getDbState()).target.url, max });
  pools.push(pool);
  return pool;
}
afterAll(async () => {
  await Promise.all(pools.map((p) => p.end()));
});

function counters(n: number): CounterIncrement[] {
  const id = randomUUID();
  const windowStart = new Date(Math.floor(Date.now() / 60_000) * 60_000);
  const expiresAt = new Date(windowStart.getTime() + 120_000);
  // Given out of order on purpose: the statements sort them themselves.
  return Array.from({ length: n }, (_, i) => ({ key: `rl:test:${id}:${n - i}`, windowStart, expiresAt }));
}

describe('rate counters', () => {
  it('increments every counter in one statement, returns the new counts, and decrements them back', async () => {
    const pool = await getPgPool();
    const cs = counters(4);
    const first = await incrementCounters(pool, cs);
    expect([...first.values()]).toEqual([1, 1, 1, 1]);
    const second = await incrementCounters(pool, cs.slice(0, 2));
    expect(cs.slice(0, 2).map((c) => second.get(counterSlot(c)))).toEqual([2, 2]);
    await decrementCounters(pool, cs.slice(0, 3));
    const rows = await (await getDb()).rateCounter.findMany({ where: { key: { in: cs.map((c) => c.key) } } });
    expect(Object.fromEntries(rows.map((r) => [r.key, r.count]))).toEqual({ [cs[0]!.key]: 1, [cs[1]!.key]: 1, [cs[2]!.key]: 0, [cs[3]!.key]: 1 });
  });

  it('writes the window and expiry Prisma reads back (same instants), whatever the process time zone', async () => {
    const tz = process.env.TZ;
    process.env.TZ = 'America/New_York';
    try {
      const [c] = counters(1);
      await incrementCounters(await getPgPool(), [c!]);
      await decrementCounters(await getPgPool(), [c!]);
      const row = await (await getDb()).rateCounter.findUniqueOrThrow({ where: { key_windowStart: { key: c!.key, windowStart: c!.windowStart } } });
      expect(row.expiresAt.getTime()).toBe(c!.expiresAt.getTime());
      expect(row.count).toBe(0);
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });

  it('commits the increment asynchronously without leaving the connection so (the audit insert after it stays synchronous)', async () => {
    const one = await anotherPool(1);
    const setting = async () => (await one.query<{ synchronous_commit: string }>('SHOW synchronous_commit')).rows[0]!.synchronous_commit;
    const before = await setting();
    expect(before).not.toBe('off');
    await incrementCounters(one, counters(2));
    expect(await setting()).toBe(before);
  });

  // The embedded database neither takes the setting nor enforces statement timeouts.
  it.skipIf(process.env.TEST_DB_KIND !== 'postgres')('runs on a pool whose statements time out (a write stuck behind a lock cannot hold the process’s calls forever)', async () => {
    const { rows } = await (await getPgPool()).query<{ statement_timeout: string }>('SHOW statement_timeout');
    expect(rows[0]!.statement_timeout).toBe('10s');
  });

  it('stays exact under concurrent increments and decrements from several pools on one database', async () => {
    const all = [await getPgPool(), await anotherPool(), await anotherPool()];
    const cs = counters(3);
    await Promise.all(Array.from({ length: 30 }, (_, i) => incrementCounters(all[i % 3]!, i % 2 ? cs : [...cs].reverse())));
    await Promise.all(Array.from({ length: 12 }, (_, i) => decrementCounters(all[i % 3]!, cs)));
    const rows = await (await getDb()).rateCounter.findMany({ where: { key: { in: cs.map((c) => c.key) } } });
    expect(rows.map((r) => r.count)).toEqual([18, 18, 18]);
  });
});

describe('claims (concurrent calls counted together)', () => {
  const countsOf = async (cs: CounterIncrement[]) => {
    const rows = await (await getDb()).rateCounter.findMany({ where: { key: { in: cs.map((c) => c.key) } } });
    return cs.map((c) => rows.find((r) => r.key === c.key)?.count ?? 0);
  };

  it('lets exactly the limit through and keeps nothing of the refused calls, across pools', async () => {
    const all = [await getPgPool(), await anotherPool(), await anotherPool()];
    const [minute, day] = counters(2);
    const claims = [{ ...minute!, limit: 7 }, { ...day!, limit: 100 }];
    const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => claimCounters(all[i % 3]!, claims)));
    expect(outcomes.filter((o) => o === -1)).toHaveLength(7);
    expect(outcomes.filter((o) => o === 0)).toHaveLength(13); // the first counter (index 0) was full
    expect(await countsOf([minute!, day!])).toEqual([7, 7]);
  });

  it('refuses a call on its full counter without consuming its other counters, while other calls in the batch fit', async () => {
    const pool = await getPgPool();
    const [shared, tight, loose] = counters(3);
    // Batched together (same turn of the event loop): 4 calls need the tight counter (limit 2), 3 do not.
    const outcomes = await Promise.all([
      ...Array.from({ length: 4 }, () => claimCounters(pool, [{ ...shared!, limit: 50 }, { ...tight!, limit: 2 }])),
      ...Array.from({ length: 3 }, () => claimCounters(pool, [{ ...shared!, limit: 50 }, { ...loose!, limit: 50 }])),
    ]);
    expect(outcomes).toEqual([-1, -1, 1, 1, -1, -1, -1]);
    expect(await countsOf([shared!, tight!, loose!])).toEqual([5, 2, 3]);
  });

  it('counts a window change inside one batch as two counters', async () => {
    const pool = await getPgPool();
    const [c] = counters(1);
    const next = { ...c!, windowStart: new Date(c!.windowStart.getTime() + 60_000), expiresAt: new Date(c!.expiresAt.getTime() + 60_000) };
    const outcomes = await Promise.all([claimCounters(pool, [{ ...c!, limit: 1 }]), claimCounters(pool, [{ ...next, limit: 1 }]), claimCounters(pool, [{ ...c!, limit: 1 }])]);
    expect(outcomes).toEqual([-1, -1, 0]);
    const rows = await (await getDb()).rateCounter.findMany({ where: { key: c!.key }, orderBy: { windowStart: 'asc' } });
    expect(rows.map((r) => [r.windowStart.getTime(), r.count])).toEqual([[c!.windowStart.getTime(), 1], [next.windowStart.getTime(), 1]]);
  });
});

describe('audit insert', () => {
  it('writes the rows Prisma reads back, from several pools, concurrent rows sharing statements', async () => {
    const requestId = randomUUID();
    const actor: Actor = { kind: 'agent', id: 'tok_test', label: 'token:hot-sql', tenantId: null, teamIds: [], roles: [], via: 'mcp', ip: '10.0.0.1' };
    const row = (i: number) => auditRow(actor, {
      requestId, tenantId: null, action: 'tool.called', resourceType: 'tool', resourceId: 'kb_search', toolSlug: 'kb_search', toolVersion: 1,
      outcome: i ? 'denied' : 'success', errorCode: i ? 'RATE_LIMITED' : null, latencyMs: 3, inputBytes: 10, outputBytes: 20, costMicros: 6,
      details: i === 5 ? undefined : { arguments: { query: `q${i}` }, redactions: {} }, resourcesTouched: i === 5 ? [] : [`r${i}`, `s${i}`],
    });
    const all = [await getPgPool(), await anotherPool()];
    await Promise.all(Array.from({ length: 6 }, (_, i) => insertAuditRow(all[i % 2]!, row(i))));
    const rows = await (await getDb()).auditEvent.findMany({ where: { requestId } });
    expect(rows).toHaveLength(6);
    expect(rows.find((r) => r.resourcesTouched[0] === 'r0')).toMatchObject({ actorKind: 'agent', actorLabel: 'token:hot-sql', via: 'mcp', outcome: 'success', errorCode: null, latencyMs: 3, details: { arguments: { query: 'q0' }, redactions: {} }, resourcesTouched: ['r0', 's0'], ip: '10.0.0.1' });
    expect(rows.find((r) => r.resourcesTouched.length === 0)).toMatchObject({ details: null });
    expect(rows.filter((r) => r.outcome === 'denied')).toHaveLength(5);
  });
});
