'use client';
import { BarChart, LineChart } from '@/components/ui/charts';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';

interface Props {
  daily: { day: string; calls: number; errors: number }[];
  metrics: { tenant: string; tool: string; p50: number | null; p95: number | null }[];
}

export function MetricsCharts({ daily, metrics }: Props) {
  const latency = metrics.map((m) => ({ name: `${m.tool} (${m.tenant})`, p50: m.p50 ?? 0, p95: m.p95 ?? 0 }));
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Card>
        <CardHeader><CardTitle as="h2">Calls per day</CardTitle></CardHeader>
        <CardContent>
          <LineChart title="Calls per day" data={daily} xKey="day" series={[{ key: 'calls', label: 'Calls' }, { key: 'errors', label: 'Denied or failed' }]} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader><CardTitle as="h2">Latency by tool (ms)</CardTitle></CardHeader>
        <CardContent>
          <BarChart title="Latency p50 and p95 by tool and tenant" data={latency} xKey="name" series={[{ key: 'p50', label: 'p50' }, { key: 'p95', label: 'p95' }]} valueFormatter={(n) => `${n} ms`} />
        </CardContent>
      </Card>
    </div>
  );
}
