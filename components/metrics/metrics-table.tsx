import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import type { ToolMetricRow } from '@/lib/schemas/metrics';

export function MetricsTable({ rows }: { rows: ToolMetricRow[] }) {
  return (
    <Table>
      <THead>
        <TR><TH>Tenant</TH><TH>Tool</TH><TH className="text-right">Calls</TH><TH className="text-right">Errors</TH><TH className="text-right">Denied</TH><TH className="text-right">p50</TH><TH className="text-right">p95</TH><TH className="text-right">Cost</TH></TR>
      </THead>
      <TBody>
        {rows.map((r) => (
          <TR key={`${r.tenant}:${r.tool}`}>
            <TD>{r.tenant}</TD>
            <TD><code>{r.tool}</code></TD>
            <TD className="text-right tabular-nums">{r.calls}</TD>
            <TD className="text-right tabular-nums">{r.errors}</TD>
            <TD className="text-right tabular-nums">{r.denied}</TD>
            <TD className="text-right tabular-nums">{r.p50 ?? '—'} ms</TD>
            <TD className="text-right tabular-nums">{r.p95 ?? '—'} ms</TD>
            <TD className="text-right tabular-nums">€{(r.costMicros / 1e6).toFixed(3)}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
