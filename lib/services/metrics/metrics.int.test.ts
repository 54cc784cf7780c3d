// The Metrics page's services on constructed data (own tenants and tools; other files write meanwhile): the table,
// latency and cost from the rollups, tenant scoping, SLO status and error budget, and each KPI.
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Prisma } from '@/lib/generated/prisma/client';
import { isAppError } from '@/lib/errors';
import type { Actor } from '@/lib/policy';
import { sealPending } from '@/lib/server/audit-chain/sealer';
import { getDb, getPgPool } from '@/lib/server/db/client';
import { newRequestId } from '@/lib/server/ids';
import { emptyHistogram, percentile, record } from '@/lib/server/rollups/histogram';
import { rollupAll } from '@/lib/server/rollups/rollup';
import { actorFor } from '@/lib/testing/actors';
import { createFreshTenant, createFreshTool, type FreshTenant } from '@/lib/testing/fresh-tenant';
import { findMetricsPage } from './find-metrics-page';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const now = Date.now();
type Outcome = 'success' | 'error' | 'denied' | 'pending_approval';

let pool: pg.Pool;
let a: FreshTenant;
let b: FreshTenant;
let tool: { id: string; slug: string };
let tti: { id: string; slug: string };
let platform: Actor;

function call(tenantId: string, toolSlug: string, at: number, outcome: Outcome, latencyMs: number, costMicros: number, actorId: string, traceId: string | null = null): Prisma.AuditEventCreateManyInput {
  return {
    requestId: newRequestId(), tenantId, actorKind: 'agent', actorId, actorLabel: `token:${actorId}`, via: 'mcp', action: 'tool.called', resourceType: 'tool',
    resourceId: toolSlug, toolSlug, outcome, latencyMs, costMicros, traceId, resourcesTouched: [], createdAt: new Date(at),
  };
}

async function rollThrough(): Promise<void> {
  const db = await getDb();
  const { seq } = await db.auditEvent.findFirstOrThrow({ orderBy: { seq: 'desc' }, select: { seq: true } });
  for (let i = 0; i < 200; i++) {
    await sealPending(pool, { holeAfterMs: 0, checkpointAfterMs: 3_600_000, checkpointEvery: 1_000_000 });
    await rollupAll(db);
    const cur = await db.metricRollupCursor.findUnique({ where: { name: 'tool-calls' } });
    if (cur && cur.lastSeq >= seq) return;
  }
  throw new Error('not rolled up');
}

async function expectError(p: Promise<unknown>, code: string) {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(isAppError(e) && e.code).toBe(code);
}

beforeAll(async () => {
  pool = await getPgPool();
  const db = await getDb();
  [a, b, tool, tti] = await Promise.all([createFreshTenant('ma'), createFreshTenant('mb'), createFreshTool(), createFreshTool()]);
  await db.tool.update({ where: { id: tool.id }, data: { sloP95Ms: 200, sloSuccessRate: 0.95 } });
  platform = await actorFor('admin@example.com');
  const t = now - 2 * HOUR;
  const T = tool.slug;
  const events = [
    ...[0, 1, 2].map((i) => call(a.tenant.id, T, t + i * 1000, 'success', 100, 100, 'a1', 'trace-1')),
    ...[0, 1].map((i) => call(a.tenant.id, T, t + 5000 + i * 1000, 'success', 120, 100, 'a2', 'trace-2')),
    call(a.tenant.id, T, t + 9000, 'error', 300, 100, 'a1'),
    call(a.tenant.id, T, t + 9500, 'pending_approval', 5000, 0, 'a1'),
    call(a.tenant.id, T, t + 9600, 'pending_approval', 5000, 0, 'a1'),
    call(a.tenant.id, T, t + 9700, 'denied', 1, 0, 'a1'),
    ...[0, 1, 2, 3].map((i) => call(b.tenant.id, T, t + i * 1000, 'success', 50, 10, 'b1')),
  ];
  // A bad day 40 days ago: 25 calls, 5 errors (an SLO breach day), and a kill switch the same day.
  const bad = Math.floor((now - 40 * DAY) / DAY) * DAY + 12 * HOUR;
  for (let i = 0; i < 25; i++) events.push(call(a.tenant.id, T, bad + i * 1000, i < 5 ? 'error' : 'success', 80, 1, 'a1'));
  events.push({ requestId: newRequestId(), tenantId: a.tenant.id, actorKind: 'user', actorId: a.admin.id, actorLabel: 'admin', via: 'portal', action: 'tool.killed',
    resourceType: 'tool', resourceId: tool.id, toolSlug: T, outcome: 'success', resourcesTouched: [], createdAt: new Date(bad) });
  // Time to integrate: requested 3 days ago, first successful call 10 hours after submission.
  const submitted = now - 3 * DAY;
  events.push(call(a.tenant.id, tti.slug, submitted + 10 * HOUR, 'success', 50, 1, 'a1'));
  await db.auditEvent.createMany({ data: events });
  const request = (toolId: string, at: number) => db.toolRequest.create({ data: {
    tenantId: a.tenant.id, requesterId: a.users.inA, title: `Request ${randomBytes(3).toString('hex')}`, useCase: 'Test', workflow: 'other', ownerTeam: 'Test',
    dataConsulted: 'None', dataWritten: 'None', dataClassification: 'internal', status: 'published', toolId, submittedAt: new Date(at),
  } });
  await request(tti.id, submitted);
  await request(tool.id, now - HOUR); // submitted after the tool's first call here: not an integration
  await rollThrough();
});

describe('metrics from rollups', () => {
  it('gives a tenant admin their tenant only: calls, error rate, denials, escalations, latency without held calls, cost', async () => {
    const m = await findMetricsPage({ actor: a.admin, window: '24h', now });
    expect(m.overview.rows.map((r) => [r.tenant, r.tool])).toEqual([[a.tenant.slug, tool.slug]]); // the integration call is 3 days old
    const row = m.overview.rows.find((r) => r.tool === tool.slug)!;
    expect([row.calls, row.successes, row.errors, row.denied, row.held, row.costMicros]).toEqual([9, 5, 1, 1, 2, 600]);
    expect(row.errorRate).toBeCloseTo(1 / 6);
    const h = emptyHistogram();
    for (const v of [100, 100, 100, 120, 120, 300]) record(h, v);
    expect([row.p50, row.p95]).toEqual([Math.round(percentile(h, 0.5)!), Math.round(percentile(h, 0.95)!)]);
    expect(row.p95).toBeLessThan(400); // the held calls' 5 s are not in it
    expect(m.overview.costByTenant.map((c) => c.key)).toEqual([a.tenant.slug]);
    const b1 = await findMetricsPage({ actor: b.admin, window: '24h', now });
    expect(b1.overview.rows.map((r) => [r.tenant, r.calls])).toEqual([[b.tenant.slug, 4]]);
  });

  it('gives a platform admin every tenant, and the time series adds up to the table', async () => {
    const m = await findMetricsPage({ actor: platform, window: '24h', now });
    const mine = m.overview.rows.filter((r) => r.tool === tool.slug).map((r) => [r.tenant, r.calls]).sort();
    expect(mine).toEqual([[a.tenant.slug, 9], [b.tenant.slug, 4]].sort());
    expect(m.overview.series.reduce((s, p) => s + p.calls, 0)).toBe(m.overview.totals.calls);
    expect(m.overview.rows.reduce((s, r) => s + r.calls, 0)).toBe(m.overview.totals.calls);
  });

  it('computes SLO status and error budget against the catalogue target', async () => {
    const slo = (await findMetricsPage({ actor: platform, window: '1h', now })).slos.find((s) => s.tool === tool.slug)!;
    // 10 calls ran (a: 5 ok + 1 error, b: 4 ok): 90 % < 95 %; budget 0.5 failure allowed, 1 spent.
    expect([slo.calls, slo.successRate, slo.targetSuccessRate, slo.status]).toEqual([13, 0.9, 0.95, 'breached']);
    expect(slo.budgetLeft).toBeCloseTo(-1);
    const mineB = (await findMetricsPage({ actor: b.admin, window: '1h', now })).slos.find((s) => s.tool === tool.slug)!;
    expect([mineB.successRate, mineB.budgetLeft, mineB.status]).toEqual([1, 1, 'met']);
  });

  it('computes the KPIs: reuse, escalation rate, cost per automated task', async () => {
    const k = (await findMetricsPage({ actor: a.admin, window: '24h', now })).kpis;
    expect(k.reuse.tools.find((t) => t.tool === tool.slug)).toEqual({ tool: tool.slug, tenants: 1, agents: 2 });
    const T = (await findMetricsPage({ actor: a.admin, window: '24h', now })).overview.rows.reduce((s, r) => s + r.calls, 0);
    expect([k.escalation.held, k.escalation.calls]).toEqual([2, T]);
    // tool: 2 traces + 4 calls without a trace; 600 micros. (The integration call 3 days ago is outside 24 h.)
    expect([k.costPerTask.traced, k.costPerTask.untraced, k.costPerTask.costMicros, k.costPerTask.perTaskMicros]).toEqual([2, 4, 600, 100]);
    const all = (await findMetricsPage({ actor: platform, window: '24h', now })).kpis;
    expect(all.reuse.tools.find((t) => t.tool === tool.slug)).toEqual({ tool: tool.slug, tenants: 2, agents: 3 });
    const bk = (await findMetricsPage({ actor: b.admin, window: '24h', now })).kpis;
    expect(bk.reuse.tools.find((t) => t.tool === tool.slug)).toBeUndefined(); // one agent in b, and a's are not b's to see
  });

  it('counts incidents per tool per month: kill switches and SLO breach days, scoped to the tenant', async () => {
    const month = new Date(Math.floor((now - 40 * DAY) / DAY) * DAY).toISOString().slice(0, 7);
    const inc = (await findMetricsPage({ actor: a.admin, window: '24h', now })).incidents;
    expect(inc.months).toHaveLength(6);
    expect(inc.tools.find((t) => t.tool === tool.slug)?.months[month]).toEqual({ killSwitches: 1, sloBreaches: 1 });
    const other = (await findMetricsPage({ actor: b.admin, window: '24h', now })).incidents;
    expect(other.tools.find((t) => t.tool === tool.slug)).toBeUndefined();
  });

  it('measures time to integrate from first submission to first successful call, per tenant', async () => {
    const t = (await findMetricsPage({ actor: a.admin, window: '24h', now })).timeToIntegrate;
    expect([t.integrated, t.medianHours]).toEqual([1, 10]);
    expect(t.trend.at(-1)!.integrated + t.trend.at(-2)!.integrated).toBe(1);
    expect((await findMetricsPage({ actor: b.admin, window: '24h', now })).timeToIntegrate.integrated).toBe(0);
  });

  it('refuses a role without metrics.read', async () => {
    const requester: Actor = { ...a.admin, id: a.users.inA, roles: ['requester'] };
    await expectError(findMetricsPage({ actor: requester, window: '24h', now }), 'FORBIDDEN');
  });
});
