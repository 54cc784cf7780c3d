import type { MetricsIncidents } from '@/lib/schemas/metrics';
import { EmptyState } from '@/components/ui/empty-state';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { fmtMonth } from './format';

/** Integration incidents per tool per month: kill switches and SLO breach days. */
export function IncidentsTable({ incidents }: { incidents: MetricsIncidents }) {
  if (incidents.tools.length === 0) return <EmptyState headingLevel="h3" title="No incidents" description={`No kill switch and no SLO breach day in the last ${incidents.months.length} months.`} />;
  return (
    <Table>
      <THead>
        <TR><TH>Tool</TH>{incidents.months.map((m) => <TH key={m} className="text-right whitespace-nowrap">{fmtMonth(m)}</TH>)}</TR>
      </THead>
      <TBody>
        {incidents.tools.map((t) => (
          <TR key={t.tool} data-testid="incident-row">
            <TD className="font-mono text-xs">{t.tool}</TD>
            {incidents.months.map((m) => {
              const c = t.months[m];
              const n = c ? c.killSwitches + c.sloBreaches : 0;
              return (
                <TD key={m} className="text-right tabular-nums" title={c ? `${c.killSwitches} kill switch(es), ${c.sloBreaches} SLO breach day(s)` : undefined}>
                  {n === 0 ? <span className="text-muted-foreground">0</span> : <span>{n} <span className="text-xs text-muted-foreground">({c!.killSwitches} kill, {c!.sloBreaches} SLO)</span></span>}
                </TD>
              );
            })}
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
