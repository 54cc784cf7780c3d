// SLO targets against measured values, and usage, from the audit log of the tool's calls.
import { Badge } from '@/components/ui/badge';
import { StatCard } from '@/components/ui/stat-card';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';

export interface UsageView {
  days: number; scope: 'all_tenants' | 'my_tenant'; calls: number; errors: number; denied: number; p50: number | null; p95: number | null;
  successRate: number | null; tenantsUsing: number; tenantsActivated: number | null; perTenant: { tenant: string; calls: number; errors: number; p95: number | null }[];
}

const pct = (x: number) => `${(x * 100).toFixed(x >= 0.9995 ? 0 : 2)} %`;

export function SloPanel({ usage, sloP95Ms, sloSuccessRate }: { usage: UsageView; sloP95Ms: number; sloSuccessRate: number }) {
  const latencyOk = usage.p95 === null ? null : usage.p95 <= sloP95Ms;
  const successOk = usage.successRate === null ? null : usage.successRate >= sloSuccessRate;
  const verdict = (ok: boolean | null) => (ok === null ? <Badge variant="muted">no data</Badge> : ok ? <Badge variant="success">met</Badge> : <Badge variant="destructive">missed</Badge>);
  return (
    <Table aria-label="Service level objectives">
      <THead><TR><TH>Objective</TH><TH className="text-right">Target</TH><TH className="text-right">Measured ({usage.days} days)</TH><TH>Status</TH></TR></THead>
      <TBody>
        <TR><TD>p95 latency</TD><TD className="text-right tabular-nums">≤ {sloP95Ms} ms</TD><TD className="text-right tabular-nums">{usage.p95 === null ? '—' : `${usage.p95} ms`}</TD><TD>{verdict(latencyOk)}</TD></TR>
        <TR><TD>Success rate</TD><TD className="text-right tabular-nums">≥ {pct(sloSuccessRate)}</TD><TD className="text-right tabular-nums">{usage.successRate === null ? '—' : pct(usage.successRate)}</TD><TD>{verdict(successOk)}</TD></TR>
      </TBody>
    </Table>
  );
}

export function UsagePanel({ usage }: { usage: UsageView }) {
  return (
    <div className="space-y-4">
      <p className="text-sm text-muted-foreground">{usage.scope === 'my_tenant' ? 'Figures for your tenant only.' : 'Figures for every tenant.'} Last {usage.days} days.</p>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <StatCard label="Calls" value={usage.calls.toLocaleString('en-US')} hint={`${usage.denied} denied by policy`} />
        <StatCard label="Latency p50 / p95" value={usage.p50 === null ? '—' : `${usage.p50} / ${usage.p95} ms`} hint="successful calls" />
        <StatCard label="Errors" value={usage.errors.toLocaleString('en-US')} hint={usage.calls ? `${((usage.errors / usage.calls) * 100).toFixed(1)} % of calls` : 'no calls'} />
        <StatCard label="Tenants using it" value={usage.tenantsUsing} hint={usage.tenantsActivated === null ? 'your tenant' : `activated in ${usage.tenantsActivated}`} />
      </div>
      {usage.perTenant.length ? (
        <Table aria-label="Usage per tenant">
          <THead><TR><TH>Tenant</TH><TH className="text-right">Calls</TH><TH className="text-right">Errors</TH><TH className="text-right">p95</TH></TR></THead>
          <TBody>{usage.perTenant.map((r) => <TR key={r.tenant}><TD>{r.tenant}</TD><TD className="text-right tabular-nums">{r.calls}</TD><TD className="text-right tabular-nums">{r.errors}</TD><TD className="text-right tabular-nums">{r.p95 === null ? '—' : `${r.p95} ms`}</TD></TR>)}</TBody>
        </Table>
      ) : null}
    </div>
  );
}
