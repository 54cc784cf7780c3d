import { ShieldCheck } from 'lucide-react';
import { requirePagePermission } from '@/lib/server/auth/guard';
import { findApprovalRequests } from '@/lib/services/approvals/find-approval-requests';
import { PageHeader } from '@/components/ui/page-header';
import { EmptyState } from '@/components/ui/empty-state';
import { Badge } from '@/components/ui/badge';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';

export const metadata = { title: 'Approvals' };

export default async function ApprovalsPage() {
  const actor = await requirePagePermission('approval.read');
  const rows = await findApprovalRequests({ actor });
  return (
    <>
      <PageHeader
        title="Approval inbox"
        description="Critical calls (payments, deletions, external sends) wait here for an operator's decision before they run."
      />
      {rows.length === 0 ? (
        <EmptyState
          icon={<ShieldCheck aria-hidden />}
          title="Nothing waiting for approval"
          description="When an agent calls a critical tool, the call is held and appears here with its arguments (PII redacted)."
        />
      ) : (
        <Table>
          <THead><TR><TH>Requested</TH><TH>Tenant</TH><TH>Tool</TH><TH>Arguments</TH><TH>Status</TH></TR></THead>
          <TBody>
            {rows.map((r) => (
              <TR key={r.id}>
                <TD className="whitespace-nowrap text-xs">{r.createdAt.toISOString().replace('T', ' ').slice(0, 19)}</TD>
                <TD>{r.tenant}</TD>
                <TD><code>{r.tool}</code></TD>
                <TD><code className="text-xs">{JSON.stringify(r.argumentsRedacted).slice(0, 120)}</code></TD>
                <TD><Badge variant={r.status === 'pending' ? 'warning' : r.status === 'approved' || r.status === 'executed' ? 'success' : 'muted'}>{r.status}</Badge></TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
    </>
  );
}
