import { FileSearch } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import type { TAuditEventDto } from '@/lib/schemas/audit';

const OUTCOME_VARIANT = { success: 'success', denied: 'warning', error: 'destructive', pending_approval: 'info' } as const;

interface Result { items: TAuditEventDto[]; total: number; page: number; pageSize: number; pageCount: number }

export function AuditTable({ result, params }: { result: Result; params: string }) {
  if (result.items.length === 0) {
    return <EmptyState icon={<FileSearch aria-hidden />} title="No audit events match" description="Change or reset the filters." />;
  }
  return (
    <div className="space-y-3">
      <Table>
        <THead>
          <TR><TH>When (UTC)</TH><TH>Who</TH><TH>What</TH><TH>Resource</TH><TH>Result</TH><TH className="text-right">Latency</TH><TH>Request id</TH></TR>
        </THead>
        <TBody>
          {result.items.map((e) => (
            <TR key={e.id}>
              <TD className="whitespace-nowrap text-xs">{e.createdAt.replace('T', ' ').slice(0, 19)}</TD>
              <TD><div className="text-sm">{e.actor}</div><div className="text-xs text-muted-foreground">{e.actorKind} via {e.via}{e.tenant ? ` · ${e.tenant}` : ''}</div></TD>
              <TD><code className="text-xs">{e.action}</code></TD>
              <TD className="text-xs">{e.resource}{e.resourcesTouched.length ? <div className="text-muted-foreground">{e.resourcesTouched.join(', ')}</div> : null}</TD>
              <TD><Badge variant={OUTCOME_VARIANT[e.outcome]}>{e.outcome.replace('_', ' ')}</Badge>{e.errorCode ? <div className="text-xs text-muted-foreground">{e.errorCode}</div> : null}</TD>
              <TD className="text-right tabular-nums">{e.latencyMs === null ? '—' : `${e.latencyMs} ms`}</TD>
              <TD><code className="text-[11px] text-muted-foreground">{e.requestId.slice(0, 13)}</code></TD>
            </TR>
          ))}
        </TBody>
      </Table>
      <Pagination page={result.page} pageCount={result.pageCount} total={result.total} pageSize={result.pageSize} query={params} />
    </div>
  );
}
