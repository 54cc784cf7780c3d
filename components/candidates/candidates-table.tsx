import Link from 'next/link';
import type { CandidateRow } from '@/lib/schemas/candidates';
import { Badge } from '@/components/ui/badge';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';

const num = (n: number | null, digits = 0) => (n === null ? <span className="text-muted-foreground">—</span> : n.toLocaleString('en-US', { maximumFractionDigits: digits }));

export function CandidatesTable({ rows, offset }: { rows: CandidateRow[]; offset: number }) {
  return (
    <Table>
      <THead>
        <TR>
          <TH className="w-12 text-right">#</TH><TH>Candidate</TH><TH>Kind</TH><TH>Tenant</TH><TH>Status</TH><TH>Risk</TH>
          <TH className="text-right">Calls / week / team</TH><TH className="text-right">Min saved / call</TH><TH className="text-right">Teams</TH>
          <TH className="text-right">Hours saved / week</TH><TH className="text-right">Priority</TH>
        </TR>
      </THead>
      <TBody>
        {rows.map((r, i) => (
          <TR key={`${r.kind}:${r.id}`} data-testid="candidate-row">
            <TD className="text-right tabular-nums text-muted-foreground">{offset + i + 1}</TD>
            <TD><Link className="font-medium underline-offset-4 hover:underline" href={r.href}>{r.title}</Link></TD>
            <TD>{r.kind === 'request' ? 'Request' : 'Catalogue tool'}</TD>
            <TD>{r.tenant ?? <span className="text-muted-foreground">platform</span>}</TD>
            <TD className="whitespace-nowrap">{r.status.replace(/_/g, ' ')}</TD>
            <TD><Badge variant={r.riskLevel}>{r.riskLevel}</Badge></TD>
            <TD className="text-right tabular-nums">{num(r.estCallsPerWeek)}</TD>
            <TD className="text-right tabular-nums">{num(r.estMinutesSavedPerCall, 1)}</TD>
            <TD className="text-right tabular-nums">{num(r.estTeams)}</TD>
            <TD className="text-right tabular-nums font-medium">{num(r.hoursPerWeek, 1)}</TD>
            <TD className="text-right tabular-nums" data-testid="candidate-priority">{r.priority === null ? <span className="text-muted-foreground">no estimate</span> : num(r.priority, 1)}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
