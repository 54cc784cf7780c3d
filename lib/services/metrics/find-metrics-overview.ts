import 'server-only';
// Calls, error rate, denials, escalations, p50/p95 and cost per tool × tenant over a window, with the time series
// and the per-tool latency behind the charts, all merged from the rollups (latency histograms add up).
import { assertCan, type Actor } from '@/lib/policy';
import type { CostSlice, MetricsOverview, MetricsPoint, TMetricsWindow, ToolLatency, ToolMetricRow } from '@/lib/schemas/metrics';
import { emptyHistogram, merge, percentile } from '@/lib/server/rollups/histogram';
import { ran, readRollups, WINDOWS, windowStart } from './rollup-rows';

const ms = (v: number | null) => (v === null ? null : Math.round(v));

export async function findMetricsOverview({ actor, window, now = Date.now() }: { actor: Actor; window: TMetricsWindow; now?: number }): Promise<MetricsOverview> {
  assertCan(actor, 'metrics.read');
  const w = WINDOWS[window];
  const since = windowStart(window, now);
  const rows = await readRollups(actor, w.grain, since);

  const pairs = new Map<string, ToolMetricRow & { hist: number[] }>();
  const tools = new Map<string, { hist: number[]; calls: number }>();
  const points = new Map<number, MetricsPoint>();
  const all = emptyHistogram();
  const totals = { calls: 0, successes: 0, errors: 0, denied: 0, held: 0, costMicros: 0 };
  for (const r of rows) {
    const key = `${r.tenant}|${r.tool}`;
    let p = pairs.get(key);
    if (!p) pairs.set(key, (p = { tenant: r.tenant, tenantName: r.tenantName, tool: r.tool, calls: 0, successes: 0, errors: 0, denied: 0, held: 0, errorRate: null, p50: null, p95: null, costMicros: 0, hist: emptyHistogram() }));
    p.calls += r.calls; p.successes += r.successes; p.errors += r.errors; p.denied += r.denied; p.held += r.held; p.costMicros += r.cost;
    merge(p.hist, r.hist);
    const t = tools.get(r.tool) ?? { hist: emptyHistogram(), calls: 0 };
    merge(t.hist, r.hist);
    t.calls += r.calls;
    tools.set(r.tool, t);
    merge(all, r.hist);
    const at = Math.floor(r.bucketStart.getTime() / w.stepMs) * w.stepMs;
    const pt = points.get(at) ?? { at: new Date(at).toISOString(), calls: 0, errors: 0, denied: 0, held: 0 };
    pt.calls += r.calls; pt.errors += r.errors; pt.denied += r.denied; pt.held += r.held;
    points.set(at, pt);
    totals.calls += r.calls; totals.successes += r.successes; totals.errors += r.errors; totals.denied += r.denied; totals.held += r.held; totals.costMicros += r.cost;
  }

  // Every step of the window, empty ones included, so a quiet hour shows as zero rather than as a straight line.
  const series: MetricsPoint[] = [];
  for (let at = since.getTime(); at <= now; at += w.stepMs) series.push(points.get(at) ?? { at: new Date(at).toISOString(), calls: 0, errors: 0, denied: 0, held: 0 });

  const tableRows = [...pairs.values()].map(({ hist, ...p }) => ({
    ...p, errorRate: ran(p) > 0 ? p.errors / ran(p) : null, p50: ms(percentile(hist, 0.5)), p95: ms(percentile(hist, 0.95)),
  })).sort((a, b) => b.calls - a.calls || a.tenant.localeCompare(b.tenant) || a.tool.localeCompare(b.tool));
  const latency: ToolLatency[] = [...tools.entries()]
    .map(([tool, t]) => ({ tool, calls: t.calls, p50: ms(percentile(t.hist, 0.5)), p95: ms(percentile(t.hist, 0.95)) }))
    .filter((t) => t.p95 !== null)
    .sort((a, b) => (b.p95 ?? 0) - (a.p95 ?? 0));
  const slices = (key: (r: ToolMetricRow) => string, label: (r: ToolMetricRow) => string): CostSlice[] => {
    const m = new Map<string, CostSlice>();
    for (const r of tableRows) {
      const s = m.get(key(r)) ?? { key: key(r), label: label(r), costMicros: 0, calls: 0 };
      s.costMicros += r.costMicros;
      s.calls += r.calls;
      m.set(key(r), s);
    }
    return [...m.values()].sort((a, b) => b.costMicros - a.costMicros);
  };
  return {
    window, since: since.toISOString(), grainLabel: w.grainLabel, stepLabel: w.stepLabel,
    totals: { ...totals, p50: ms(percentile(all, 0.5)), p95: ms(percentile(all, 0.95)) },
    rows: tableRows, series, latency,
    costByTenant: slices((r) => r.tenant, (r) => r.tenantName),
    costByTool: slices((r) => r.tool, (r) => r.tool),
  };
}
