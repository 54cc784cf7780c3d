// The plan's KPIs, each with its definition next to the figure (what is counted, over which period, from what).
import type { MetricsIncidents, MetricsKpis, TimeToIntegrate } from '@/lib/schemas/metrics';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { fmtCost, fmtHours, fmtInt, fmtMonth, fmtPct } from './format';

function Kpi({ id, title, value, definition, children }: { id: string; title: string; value: string; definition: string; children?: React.ReactNode }) {
  return (
    <Card data-testid={`kpi-${id}`} className="flex flex-col">
      <CardHeader className="pb-2"><CardTitle as="h3" className="text-sm font-medium text-muted-foreground">{title}</CardTitle></CardHeader>
      <CardContent className="grid flex-1 content-start gap-2">
        <p className="text-2xl font-semibold tabular-nums tracking-tight" data-testid="kpi-value">{value}</p>
        <p className="text-xs text-muted-foreground" data-testid="kpi-definition"><span className="font-medium text-foreground">Definition: </span>{definition}</p>
        {children}
      </CardContent>
    </Card>
  );
}

export function KpiCards({ kpis, tti, incidents, windowLabel }: { kpis: MetricsKpis; tti: TimeToIntegrate; incidents: MetricsIncidents; windowLabel: string }) {
  const withData = tti.trend.filter((t) => t.medianHours !== null);
  const last = withData.at(-1);
  const prev = withData.at(-2);
  const change = last && prev && prev.medianHours ? (last.medianHours! - prev.medianHours) / prev.medianHours : null;
  const months = incidents.months.length;
  return (
    <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-5">
      <Kpi id="time-to-integrate" title="Time to integrate" value={fmtHours(tti.medianHours)}
        definition={`Median time from a tool request's first submission to the first successful call of the tool it published, in the requesting tenant; requests whose first call came in the last ${tti.days} days (${tti.integrated}).`}>
        <p className="text-xs text-muted-foreground">
          {tti.p90Hours !== null ? `p90 ${fmtHours(tti.p90Hours)}. ` : ''}{tti.waiting ? `${tti.waiting} published, not called yet. ` : ''}
          {change !== null ? `Trend: ${change <= 0 ? '↓' : '↑'} ${Math.abs(change * 100).toFixed(0)} % vs. the month before.` : 'Trend: not enough months with data yet.'}
        </p>
        <ol aria-label="Monthly median time to integrate" className="grid grid-cols-3 gap-x-2 gap-y-0.5 text-xs tabular-nums">
          {tti.trend.map((t) => (
            <li key={t.month} className="flex justify-between gap-1"><span className="text-muted-foreground">{fmtMonth(t.month).slice(0, 3)}</span><span>{fmtHours(t.medianHours)}</span></li>
          ))}
        </ol>
      </Kpi>
      <Kpi id="tool-reuse" title="Tool reuse" value={`${kpis.reuse.reused} of ${kpis.reuse.used}`}
        definition={`Tools with successful calls from 2 or more tenants, or from 2 or more agents (tokens), ${windowLabel}, out of all tools with a successful call.`}>
        {kpis.reuse.tools.length ? (
          <ul className="text-xs text-muted-foreground">
            {kpis.reuse.tools.slice(0, 4).map((t) => <li key={t.tool}><span className="font-mono">{t.tool}</span>: {t.tenants} tenant{t.tenants === 1 ? '' : 's'}, {t.agents} agent{t.agents === 1 ? '' : 's'}</li>)}
          </ul>
        ) : null}
      </Kpi>
      <Kpi id="escalation-rate" title="Human escalation rate" value={fmtPct(kpis.escalation.rate)}
        definition={`Calls held for a person's approval, divided by all tool calls, ${windowLabel} (${fmtInt(kpis.escalation.held)} of ${fmtInt(kpis.escalation.calls)}). A held call that is approved and run later counts again as a call.`} />
      <Kpi id="cost-per-task" title="Cost per automated task" value={fmtCost(kpis.costPerTask.perTaskMicros)}
        definition={`Estimated cost of the tool calls ${windowLabel}, divided by the tasks: calls sharing a trace id are one task, a call without one is a task of its own (${fmtInt(kpis.costPerTask.traced)} traced + ${fmtInt(kpis.costPerTask.untraced)} single calls).`} />
      <Kpi id="incidents" title="Integration incidents" value={fmtInt(incidents.total)}
        definition={`Kill switches turned on plus SLO breach days (a UTC day with 20+ calls that ran whose success rate or p95 missed the tool's target), per tool per month, over the last ${months} months. See the table below.`} />
    </div>
  );
}
