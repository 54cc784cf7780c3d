import { requirePagePermission } from '@/lib/server/auth/guard';
import { getDb } from '@/lib/server/db/client';
import { PageHeader } from '@/components/ui/page-header';
import { EmptyState } from '@/components/ui/empty-state';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';

export const metadata = { title: 'My requests' };

export default async function RequestsPage() {
  const actor = await requirePagePermission('tool_request.create');
  const db = await getDb();
  const rows = await db.toolRequest.findMany({ where: { requesterId: actor.id, tenantId: actor.tenantId ?? '__none__' }, orderBy: { createdAt: 'desc' } });
  return (
    <>
      <PageHeader title="My tool requests" />
      {rows.length === 0 ? <EmptyState title="No requests yet" /> : (
        <Table>
          <THead><TR><TH>Title</TH><TH>Status</TH><TH>Risk</TH></TR></THead>
          <TBody>{rows.map((r) => <TR key={r.id}><TD>{r.title}</TD><TD>{r.status}</TD><TD>{r.riskLevel}</TD></TR>)}</TBody>
        </Table>
      )}
    </>
  );
}
