import 'server-only';
// SLO status per tool over the last 30 days (measured p95 and success rate against the catalogue's targets, error
// budget left) and integration incidents per tool per month: kill switches (from the audit, a handful of rows) and
// SLO breach days (from the daily rollups: a UTC day with at least MIN_CALLS calls that ran whose success rate or
// p95 missed the tool's target).
import { Prisma } from '@/lib/generated/prisma/client';
import { assertCan, canCrossTenants, type Actor } from '@/lib/policy';
import type { MetricsIncidents, MonthlyIncidents, SloStatus, ToolSlo } from '@/lib/schemas/metrics';
import { getDb } from '@/lib/server/db/client';
import { emptyHistogram, merge, percentile } from '@/lib/server/rollups/histogram';
import { ran, readRollups, windowStart } from './rollup-rows';

export const MIN_CALLS_FOR_BREACH = 20;
export const INCIDENT_MONTHS = 6;

interface Acc { successes: number; errors: number; calls: number; hist: number[] }
const acc = (): Acc => ({ successes: 0, errors: 0, calls: 0, hist: emptyHistogram() });
const add = (a: Acc, r: { successes: number; errors: number; calls: number; hist: number[] }) => {
  a.successes += r.successes; a.errors += r.errors; a.calls += r.calls; merge(a.hist, r.hist);
};
const monthOf = (d: Date) => d.toISOString().slice(0, 7);

export function sloOf(a: Acc, target: { sloP95Ms: number; sloSuccessRate: number }): Pick<ToolSlo, 'p95' | 'successRate' | 'budgetLeft' | 'status'> {
  const n = ran(a);
  if (n === 0) return { p95: null, successRate: null, budgetLeft: null, status: 'no_data' };
  const successRate = a.successes / n;
  const p95 = percentile(a.hist, 0.95);
  const allowed = (1 - target.sloSuccessRate) * n;
  const budgetLeft = allowed > 0 ? 1 - a.errors / allowed : a.errors === 0 ? 1 : -1;
  const status: SloStatus = successRate < target.sloSuccessRate || (p95 !== null && p95 > target.sloP95Ms) ? 'breached' : budgetLeft < 0.25 ? 'at_risk' : 'met';
  return { p95: p95 === null ? null : Math.round(p95), successRate, budgetLeft, status };
}

export async function findToolSlos({ actor, now = Date.now() }: { actor: Actor; now?: number }): Promise<{ slos: ToolSlo[]; incidents: MetricsIncidents }> {
  assertCan(actor, 'metrics.read');
  const db = await getDb();
  const start = new Date(now);
  const monthsStart = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() - (INCIDENT_MONTHS - 1), 1));
  const sloSince = windowStart('30d', now);
  const rows = await readRollups(actor, '1d', new Date(Math.min(monthsStart.getTime(), sloSince.getTime())));

  const slo30 = new Map<string, Acc>();
  const days = new Map<string, Acc>(); // tool|day
  for (const r of rows) {
    if (r.bucketStart >= sloSince) {
      const a = slo30.get(r.tool) ?? acc();
      add(a, r);
      slo30.set(r.tool, a);
    }
    if (r.bucketStart >= monthsStart) {
      const key = `${r.tool}|${r.bucketStart.toISOString()}`;
      const a = days.get(key) ?? acc();
      add(a, r);
      days.set(key, a);
    }
  }
  const slugs = [...new Set(rows.map((r) => r.tool))];
  const tools = new Map((await db.tool.findMany({ where: { slug: { in: slugs } }, select: { slug: true, title: true, sloP95Ms: true, sloSuccessRate: true } })).map((t) => [t.slug, t]));

  const slos: ToolSlo[] = [...slo30.entries()].flatMap(([slug, a]) => {
    const t = tools.get(slug);
    if (!t) return []; // "(not resolved)" and tools since deleted have no target
    return [{ tool: slug, title: t.title, calls: a.calls, targetP95Ms: t.sloP95Ms, targetSuccessRate: t.sloSuccessRate, ...sloOf(a, t) }];
  }).sort((x, y) => (x.budgetLeft ?? 2) - (y.budgetLeft ?? 2) || x.tool.localeCompare(y.tool));

  const months = Array.from({ length: INCIDENT_MONTHS }, (_, i) => monthOf(new Date(Date.UTC(monthsStart.getUTCFullYear(), monthsStart.getUTCMonth() + i, 1))));
  const byTool = new Map<string, MonthlyIncidents>();
  const slot = (tool: string, month: string) => {
    const m = byTool.get(tool) ?? { tool, months: {} };
    byTool.set(tool, m);
    return (m.months[month] ??= { killSwitches: 0, sloBreaches: 0 });
  };
  for (const [key, a] of days) {
    const [tool, day] = key.split('|') as [string, string];
    const t = tools.get(tool);
    if (!t || ran(a) < MIN_CALLS_FOR_BREACH) continue;
    if (sloOf(a, t).status === 'breached') slot(tool, day.slice(0, 7)).sloBreaches++;
  }
  // A global kill switch concerns every tenant; a tenant's own, only that tenant.
  const scope = canCrossTenants(actor) ? Prisma.empty : Prisma.sql`AND ("tenantId" IS NULL OR "tenantId" = ${actor.tenantId ?? '__none__'})`;
  const kills = await db.$queryRaw<{ tool: string; month: string; n: number }[]>`
    SELECT "toolSlug" AS tool, to_char("createdAt", 'YYYY-MM') AS month, count(*)::int AS n FROM "AuditEvent"
     WHERE action = 'tool.killed' AND "createdAt" >= ${monthsStart} AND "toolSlug" IS NOT NULL ${scope} GROUP BY 1, 2`;
  for (const k of kills) slot(k.tool, k.month).killSwitches += k.n;
  const list = [...byTool.values()].sort((a, b) => a.tool.localeCompare(b.tool));
  const total = list.reduce((s, t) => s + Object.values(t.months).reduce((x, m) => x + m.killSwitches + m.sloBreaches, 0), 0);
  return { slos, incidents: { months, tools: list, total } };
}
