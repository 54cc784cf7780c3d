import { requirePagePermission } from '@/lib/server/auth/guard';
import { canCrossTenants } from '@/lib/policy';
import { ZMetricsWindow, type TMetricsWindow } from '@/lib/schemas/metrics';
import { findMetricsPage } from '@/lib/services/metrics/find-metrics-page';
import { Alert } from '@/components/ui/alert';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { StatCard } from '@/components/ui/stat-card';
import { fmtCost, fmtInt, fmtMs, fmtPct } from '@/components/metrics/format';
import { IncidentsTable } from '@/components/metrics/incidents-table';
import { KpiCards } from '@/components/metrics/kpi-cards';
import { CostChart, LatencyChart } from '@/components/metrics/metrics-charts';
import { SloTable } from '@/components/metrics/slo-table';
import { ToolTenantTable } from '@/components/metrics/tool-tenant-table';
import { TrafficChart } from '@/components/metrics/traffic-chart';
import { WindowSwitcher } from '@/components/metrics/window-switcher';

export const metadata = { title: 'Metrics' };

const WINDOW_LABEL: Record<TMetricsWindow, string> = { '1h': 'in the last hour', '24h': 'in the last 24 hours', '7d': 'in the last 7 days', '30d': 'in the last 30 days' };

export default async function MetricsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePagePermission('metrics.read');
  const raw = (await searchParams).window;
  const parsed = ZMetricsWindow.safeParse(typeof raw === 'string' ? raw : '24h');
  const window = parsed.success ? parsed.data : '24h';
  const { overview: m, kpis, slos, incidents, timeToIntegrate: tti, stepMs } = await findMetricsPage({ actor, window });
  const all = canCrossTenants(actor);
  const label = WINDOW_LABEL[window];
  const ran = m.totals.successes + m.totals.errors;
  return (
    <>
      <PageHeader title="Metrics" actions={<WindowSwitcher current={window} />}
        description={`Tool calls ${label}${all ? ', all tenants' : ', your tenant'}: volume, errors, denials, escalations to a person, latency, SLOs, cost and the plan's KPIs. Read from rollups of the audit trail (${m.grainLabel}), updated within seconds of each call.`} />
      {!parsed.success ? <Alert variant="warning" className="mb-4">{parsed.error.issues[0]?.message} Showing the last 24 hours.</Alert> : null}

      <div className="mb-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-5" data-testid="metrics-summary">
        <StatCard label="Tool calls" value={fmtInt(m.totals.calls)} hint={label} />
        <StatCard label="Error rate" value={fmtPct(ran ? m.totals.errors / ran : null)} hint={`${fmtInt(m.totals.errors)} errors among the calls that ran`} />
        <StatCard label="Denied / escalated" value={`${fmtInt(m.totals.denied)} / ${fmtInt(m.totals.held)}`} hint="refused by policy / held for a person" />
        <StatCard label="Latency p50 / p95" value={`${fmtMs(m.totals.p50)} / ${fmtMs(m.totals.p95)}`} hint="calls that ran; held calls excluded" />
        <StatCard label="Estimated cost" value={fmtCost(m.totals.costMicros)} hint="sum of the per-call cost" />
      </div>

      <section aria-labelledby="kpis" className="mb-6 grid gap-3">
        <h2 id="kpis" className="text-lg font-semibold">The plan&apos;s KPIs</h2>
        <KpiCards kpis={kpis} tti={tti} incidents={incidents} windowLabel={label} />
      </section>

      {m.totals.calls === 0 ? (
        <EmptyState className="mb-6" title="No tool calls in this window" description="Calls made through /mcp appear here within seconds. Try a longer window." />
      ) : (
        <div className="mb-6 grid gap-6 lg:grid-cols-2">
          <Card>
            <CardHeader><CardTitle as="h2">Calls and errors</CardTitle><CardDescription>Per {m.stepLabel}, UTC.</CardDescription></CardHeader>
            <CardContent><TrafficChart series={m.series} stepMs={stepMs} stepLabel={m.stepLabel} /></CardContent>
          </Card>
          <Card>
            <CardHeader><CardTitle as="h2">Latency per tool</CardTitle><CardDescription>p50 and p95 of the calls that ran, {label}.</CardDescription></CardHeader>
            <CardContent><LatencyChart latency={m.latency} /></CardContent>
          </Card>
        </div>
      )}

      <Card className="mb-6">
        <CardHeader><CardTitle as="h2">Per tool and tenant</CardTitle><CardDescription>Error rate: errors among the calls that ran. Latency: upper bound of a log-scale bucket, at most 19 % above the exact value.</CardDescription></CardHeader>
        <CardContent>
          {m.rows.length === 0 ? <EmptyState headingLevel="h3" title="No tool calls in this window" /> : <ToolTenantTable rows={m.rows} showTenant={all} />}
        </CardContent>
      </Card>

      <Card className="mb-6">
        <CardHeader><CardTitle as="h2">SLO status per tool</CardTitle><CardDescription>Last 30 days against the catalogue&apos;s targets. Error budget: the failures the success-rate target allows, minus the errors so far.</CardDescription></CardHeader>
        <CardContent><SloTable slos={slos} /></CardContent>
      </Card>

      {m.totals.costMicros > 0 ? (
        <div className="mb-6 grid gap-6 lg:grid-cols-2">
          {all ? (
            <Card>
              <CardHeader><CardTitle as="h2">Cost per tenant</CardTitle><CardDescription>Estimated, {label}.</CardDescription></CardHeader>
              <CardContent><CostChart title="Cost per tenant" slices={m.costByTenant} categoryLabel="Tenant" /></CardContent>
            </Card>
          ) : null}
          <Card>
            <CardHeader><CardTitle as="h2">Cost per tool</CardTitle><CardDescription>Estimated, {label}.</CardDescription></CardHeader>
            <CardContent><CostChart title="Cost per tool" slices={m.costByTool} categoryLabel="Tool" /></CardContent>
          </Card>
        </div>
      ) : null}

      <Card>
        <CardHeader><CardTitle as="h2">Integration incidents per tool per month</CardTitle><CardDescription>Kill switches turned on and SLO breach days.</CardDescription></CardHeader>
        <CardContent><IncidentsTable incidents={incidents} /></CardContent>
      </Card>
    </>
  );
}
