// Trusted internal hosts: pattern, scope, why, when; platform admins may remove each (confirmed, audited).
import { ShieldCheck } from 'lucide-react';
import type { TTrustedHostDto } from '@/lib/schemas/trusted-hosts';
import { removeTrustedHostAction } from '@/app/(portal)/admin/trusted-hosts/actions';
import { ConfirmAction } from '@/components/admin/confirm-action';
import { formatWhen } from '@/components/admin/status-badge';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';

export function TrustedHostsTable({ rows, total, page, pageSize, query, filtered, manage }: {
  rows: TTrustedHostDto[]; total: number; page: number; pageSize: number; query: string; filtered: boolean; manage: boolean;
}) {
  if (rows.length === 0) {
    return (
      <EmptyState
        icon={<ShieldCheck />}
        title={filtered ? 'No trusted host matches this search' : 'No trusted internal hosts'}
        description={filtered ? 'Change the search.' : 'Private addresses are unreachable by every tool until a platform admin trusts them here.'}
      />
    );
  }
  return (
    <>
      <Table>
        <THead><TR><TH>Host or range</TH><TH>Applies to</TH><TH>Why</TH><TH>Added</TH>{manage ? <TH className="text-right">Actions</TH> : null}</TR></THead>
        <TBody>
          {rows.map((h) => (
            <TR key={h.id} data-testid={`trusted-host-${h.pattern}`}>
              <TD className="font-mono text-sm">{h.pattern}</TD>
              <TD className="text-sm">{h.tenantName ?? 'Every tenant'}</TD>
              <TD className="text-sm">{h.note || '—'}</TD>
              <TD className="text-xs">{formatWhen(h.createdAt)}</TD>
              {manage ? (
                <TD className="text-right">
                  <ConfirmAction label="Remove" title={`Stop trusting ${h.pattern}?`} confirmLabel="Remove" action={removeTrustedHostAction} input={{ id: h.id }}
                    description="Upstream servers and HTTP tools on this destination become unreachable within seconds." />
                </TD>
              ) : null}
            </TR>
          ))}
        </TBody>
      </Table>
      <Pagination className="mt-4" page={page} pageCount={Math.ceil(total / pageSize)} total={total} pageSize={pageSize} query={query} label="Trusted host pages" />
    </>
  );
}
