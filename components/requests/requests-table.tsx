import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Pagination } from '@/components/ui/pagination';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import type { TToolRequestSummary } from '@/lib/schemas/tool-request';
import { StatusBadge } from './status-badge';

interface Result { items: TToolRequestSummary[]; total: number; page: number; pageSize: number; pageCount: number }

export function RequestsTable({ result, params, hrefBase, showTenant, label }: { result: Result; params: string; hrefBase: '/requests' | '/reviews'; showTenant?: boolean; label: string }) {
  return (
    <div className="space-y-3">
      <Table aria-label={label}>
        <THead>
          <TR><TH>Request</TH>{showTenant ? <TH>Tenant</TH> : null}<TH>Status</TH><TH>Risk</TH><TH>Approvals</TH><TH>{hrefBase === '/reviews' ? 'Waiting since' : 'Updated'}</TH></TR>
        </THead>
        <TBody>
          {result.items.map((r) => (
            <TR key={r.id}>
              <TD className="max-w-md">
                <Link href={`${hrefBase}/${r.id}`} className="font-medium text-primary underline-offset-4 hover:underline">{r.title}</Link>
                <div className="text-xs text-muted-foreground">{r.ownerTeam || 'no owner team yet'} · {r.requester}{r.round > 1 ? ` · round ${r.round}` : ''}</div>
              </TD>
              {showTenant ? <TD>{r.tenant}</TD> : null}
              <TD><StatusBadge status={r.status} /></TD>
              <TD><Badge variant={r.riskLevel}>{r.riskLevel}</Badge> <span className="text-xs tabular-nums text-muted-foreground">{r.riskScore}</span></TD>
              <TD className="tabular-nums">{r.approvals} / {r.requiredApprovals}</TD>
              <TD className="whitespace-nowrap text-xs">{(hrefBase === '/reviews' ? r.submittedAt ?? r.updatedAt : r.updatedAt).slice(0, 16).replace('T', ' ')}</TD>
            </TR>
          ))}
        </TBody>
      </Table>
      <Pagination page={result.page} pageCount={result.pageCount} total={result.total} pageSize={result.pageSize} query={params} />
    </div>
  );
}
