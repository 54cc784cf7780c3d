import { requirePagePermission } from '@/lib/server/auth/guard';
import { findToolMetrics } from '@/lib/services/metrics/find-tool-metrics';
import { findTimeToIntegrate } from '@/lib/services/metrics/find-time-to-integrate';
import { TimeToIntegrateCard } from '@/components/metrics/time-to-integrate-card';
import { PageHeader } from '@/components/ui/page-header';
import { StatCard } from '@/components/ui/stat-card';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { MetricsCharts } from '@/components/metrics/metrics-charts';
import { MetricsTable } from '@/components/metrics/metrics-table';

export const metadata = { title: 'Metrics' };

export default async function MetricsPage() {
  const actor = await requirePagePermission('metrics.read');
  const m = await findToolMetrics({ actor, days: 14 });
  const tti = await findTimeToIntegrate({ actor });
  return (
    <>
      <PageHeader title="Observability" description={`Tool calls over the last ${m.days} days: latency p50/p95 per tool and tenant, failures and cost.`} />
      <div className="mb-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <StatCard label="Tool calls" value={m.total.toLocaleString('en')} hint={`last ${m.days} days`} />
        <StatCard label="Denied or failed" value={`${(m.failureRate * 100).toFixed(1)} %`} hint="of all calls" />
        <StatCard label="Estimated cost" value={`€${(m.costMicros / 1e6).toFixed(2)}`} hint="sum of per-call cost" />
        <TimeToIntegrateCard kpi={tti} />
      </div>
      {m.metrics.length === 0 ? (
        <EmptyState title="No tool calls yet" description="Calls made through /mcp appear here within seconds." />
      ) : (
        <>
          <MetricsCharts daily={m.daily} metrics={m.metrics} />
          <Card className="mt-6">
            <CardHeader><CardTitle as="h2">Per tool and tenant</CardTitle></CardHeader>
            <CardContent><MetricsTable rows={m.metrics} /></CardContent>
          </Card>
        </>
      )}
    </>
  );
}
