'use client';
// Client wrappers: formatters are functions, which cannot cross from the server page to a client chart.
import type { CostSlice, ToolLatency } from '@/lib/schemas/metrics';
import { HBarChart } from './hbar-chart';
import { fmtCost, fmtMs } from './format';

export function LatencyChart({ latency }: { latency: ToolLatency[] }) {
  return (
    <HBarChart title="Latency p50 and p95 per tool" description="Calls that ran (held calls and denials excluded)" categoryKey="tool" categoryLabel="Tool"
      data={latency.map((l) => ({ tool: l.tool, p50: l.p50, p95: l.p95 }))}
      series={[{ key: 'p50', label: 'p50' }, { key: 'p95', label: 'p95' }]} format={(n) => fmtMs(n)} />
  );
}

export function CostChart({ title, slices, categoryLabel }: { title: string; slices: CostSlice[]; categoryLabel: string }) {
  return (
    <HBarChart title={title} categoryKey="label" categoryLabel={categoryLabel} data={slices.map((s) => ({ label: s.label, cost: s.costMicros }))}
      series={[{ key: 'cost', label: 'Cost' }]} format={(n) => fmtCost(n)} />
  );
}
