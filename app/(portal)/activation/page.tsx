import { requirePagePermission } from '@/lib/server/auth/guard';
import { getDb } from '@/lib/server/db/client';
import { tenantScope } from '@/lib/policy';
import { PageHeader } from '@/components/ui/page-header';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';

export const metadata = { title: 'Activation' };

export default async function ActivationPage() {
  const actor = await requirePagePermission('activation.manage');
  const db = await getDb();
  const rows = await db.toolActivation.findMany({ where: tenantScope(actor), include: { tool: true, tenant: true, team: true }, orderBy: [{ tenantId: 'asc' }] });
  return (
    <>
      <PageHeader title="Tool activation" />
      <Table>
        <THead><TR><TH>Tenant</TH><TH>Tool</TH><TH>Scope</TH><TH>Enabled</TH></TR></THead>
        <TBody>{rows.map((r) => <TR key={r.id}><TD>{r.tenant.name}</TD><TD>{r.tool.slug}</TD><TD>{r.team?.name ?? r.scope}</TD><TD>{r.enabled ? 'yes' : 'no'}</TD></TR>)}</TBody>
      </Table>
    </>
  );
}
