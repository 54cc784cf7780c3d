import { requirePagePermission } from '@/lib/server/auth/guard';
import { getDb } from '@/lib/server/db/client';
import { tenantScope } from '@/lib/policy';
import { PageHeader } from '@/components/ui/page-header';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';

export const metadata = { title: 'Reviews' };

export default async function ReviewsPage() {
  const actor = await requirePagePermission('tool_request.review');
  const db = await getDb();
  const rows = await db.toolRequest.findMany({ where: { ...tenantScope(actor), status: { in: ['submitted', 'in_review'] } }, orderBy: { submittedAt: 'asc' }, include: { tenant: true } });
  return (
    <>
      <PageHeader title="Security review queue" />
      <Table>
        <THead><TR><TH>Request</TH><TH>Tenant</TH><TH>Risk</TH><TH>Status</TH></TR></THead>
        <TBody>{rows.map((r) => <TR key={r.id}><TD>{r.title}</TD><TD>{r.tenant.name}</TD><TD>{r.riskLevel}</TD><TD>{r.status}</TD></TR>)}</TBody>
      </Table>
    </>
  );
}
