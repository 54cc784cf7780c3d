'use client';
import { LineChart } from '@/components/ui/charts';
import type { MetricsPoint } from '@/lib/schemas/metrics';
import { fmtBucket } from './format';

/** Calls, errors, denials and escalations per step of the window (UTC). */
export function TrafficChart({ series, stepMs, stepLabel }: { series: MetricsPoint[]; stepMs: number; stepLabel: string }) {
  return (
    <div data-testid="chart">
      <LineChart
        title={`Calls per ${stepLabel}`}
        description="Times in UTC"
        data={series.map((p) => ({ at: p.at, calls: p.calls, errors: p.errors, denied: p.denied, held: p.held }))}
        xKey="at"
        xLabel="Start (UTC)"
        xFormatter={(v) => fmtBucket(String(v), stepMs)}
        series={[{ key: 'calls', label: 'Calls' }, { key: 'errors', label: 'Errors' }, { key: 'denied', label: 'Denied' }, { key: 'held', label: 'Held for a human' }]}
      />
    </div>
  );
}
