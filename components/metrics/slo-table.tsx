import type { ToolSlo } from '@/lib/schemas/metrics';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { fmtInt, fmtMs, fmtPct } from './format';

const STATUS = { met: ['success', 'Met'], at_risk: ['warning', 'At risk'], breached: ['destructive', 'Breached'], no_data: ['muted', 'No data'] } as const;

/** SLO per tool over 30 days: measured vs the catalogue's target, and the error budget left. */
export function SloTable({ slos }: { slos: ToolSlo[] }) {
  if (slos.length === 0) return <EmptyState headingLevel="h3" title="No calls in the last 30 days" description="SLO status appears once a tool has been called." />;
  return (
    <Table>
      <THead>
        <TR>
          <TH>Tool</TH><TH className="text-right">Calls</TH><TH className="text-right">p95 (target)</TH>
          <TH className="text-right">Success rate (target)</TH><TH className="text-right">Error budget left</TH><TH>Status</TH>
        </TR>
      </THead>
      <TBody>
        {slos.map((s) => {
          const [variant, label] = STATUS[s.status];
          return (
            <TR key={s.tool} data-testid="slo-row">
              <TD><span className="font-mono text-xs">{s.tool}</span><span className="block text-xs text-muted-foreground">{s.title}</span></TD>
              <TD className="text-right tabular-nums">{fmtInt(s.calls)}</TD>
              <TD className="text-right tabular-nums whitespace-nowrap">{fmtMs(s.p95)} <span className="text-muted-foreground">({fmtMs(s.targetP95Ms)})</span></TD>
              <TD className="text-right tabular-nums whitespace-nowrap">{fmtPct(s.successRate, 2)} <span className="text-muted-foreground">({fmtPct(s.targetSuccessRate, 2)})</span></TD>
              <TD className="text-right tabular-nums">{s.budgetLeft === null ? '—' : s.budgetLeft < 0 ? `exhausted (${fmtPct(s.budgetLeft, 0)})` : fmtPct(s.budgetLeft, 0)}</TD>
              <TD><Badge variant={variant}>{label}</Badge></TD>
            </TR>
          );
        })}
      </TBody>
    </Table>
  );
}
