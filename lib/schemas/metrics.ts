import { z } from 'zod';

/** The Metrics page's time windows; each reads the rollup grain that fits it. */
export const METRICS_WINDOWS = ['1h', '24h', '7d', '30d'] as const;
export const ZMetricsWindow = z.enum(METRICS_WINDOWS, { error: 'Choose a window of 1h, 24h, 7d or 30d.' }).describe('Time window of the metrics');
export type TMetricsWindow = z.infer<typeof ZMetricsWindow>;

export const ZMetricsQuery = z.object({
  window: ZMetricsWindow.default('24h'),
});
export type TMetricsQuery = z.infer<typeof ZMetricsQuery>;

/** Reads a window from a URL search parameter; anything else falls back to 24 h. */
export function parseMetricsWindow(v: unknown): TMetricsWindow {
  const r = ZMetricsWindow.safeParse(Array.isArray(v) ? v[0] : v);
  return r.success ? r.data : '24h';
}

export interface ToolMetricRow {
  tenant: string;
  tenantName: string;
  tool: string;
  calls: number;
  successes: number;
  errors: number;
  denied: number;
  /** Held for a human (escalations). */
  held: number;
  /** errors / calls that ran (successes + errors); null without any. */
  errorRate: number | null;
  p50: number | null;
  p95: number | null;
  costMicros: number;
}

export interface MetricsPoint {
  /** Bucket start, ISO 8601 UTC. */
  at: string;
  calls: number;
  errors: number;
  denied: number;
  held: number;
}

export interface ToolLatency {
  tool: string;
  p50: number | null;
  p95: number | null;
  calls: number;
}

export interface CostSlice {
  key: string;
  label: string;
  costMicros: number;
  calls: number;
}

export interface MetricsOverview {
  window: TMetricsWindow;
  /** Start of the first bucket read (windows are aligned to the grain's buckets). */
  since: string;
  grainLabel: string;
  stepLabel: string;
  totals: { calls: number; successes: number; errors: number; denied: number; held: number; costMicros: number; p50: number | null; p95: number | null };
  rows: ToolMetricRow[];
  series: MetricsPoint[];
  latency: ToolLatency[];
  costByTenant: CostSlice[];
  costByTool: CostSlice[];
}

export type SloStatus = 'met' | 'at_risk' | 'breached' | 'no_data';

export interface ToolSlo {
  tool: string;
  title: string;
  calls: number;
  targetP95Ms: number;
  targetSuccessRate: number;
  p95: number | null;
  /** successes / (successes + errors) over 30 days; null without any call that ran. */
  successRate: number | null;
  /** Share of the error budget (allowed failures) not yet spent; negative when overspent, null without data. */
  budgetLeft: number | null;
  status: SloStatus;
}

export interface MonthlyIncidents {
  tool: string;
  /** 'YYYY-MM' → kill switches and SLO breach days that month. */
  months: Record<string, { killSwitches: number; sloBreaches: number }>;
}

export interface MetricsKpis {
  window: TMetricsWindow;
  reuse: { reused: number; used: number; tools: { tool: string; tenants: number; agents: number }[] };
  escalation: { held: number; calls: number; rate: number | null };
  costPerTask: { costMicros: number; tasks: number; traced: number; untraced: number; perTaskMicros: number | null };
}

export interface MetricsIncidents {
  /** 'YYYY-MM', oldest first. */
  months: string[];
  tools: MonthlyIncidents[];
  total: number;
}

export interface TimeToIntegrate {
  days: number;
  /** Median in hours; null when no request reached its first successful call. */
  medianHours: number | null;
  p90Hours: number | null;
  integrated: number;
  /** Published but never called successfully yet (the clock is still running). */
  waiting: number;
  /** Monthly median ('YYYY-MM', oldest first) of the requests whose first successful call fell in that month. */
  trend: { month: string; medianHours: number | null; integrated: number }[];
}
