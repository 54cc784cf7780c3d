import Link from 'next/link';
import { redirect } from 'next/navigation';
import { Building2 } from 'lucide-react';
import { can } from '@/lib/policy';
import { ZFindTenantsInput } from '@/lib/schemas/admin';
import { requirePagePermission } from '@/lib/server/auth/guard';
import { findTenants } from '@/lib/services/tenants/find-tenants';
import { AdminNav } from '@/components/admin/admin-nav';
import { CreateTenantDialog } from '@/components/admin/create-tenant-dialog';
import { ListFilters } from '@/components/admin/list-filters';
import { formatWhen, TenantStatusBadge } from '@/components/admin/status-badge';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';

export const metadata = { title: 'Admin' };

export default async function AdminPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePagePermission('user.manage');
  // Tenant admins administer their own tenant.
  if (!can(actor, 'tenant.manage')) redirect(actor.tenantId ? `/admin/tenants/${actor.tenantId}` : '/catalogue');
  const filters = ZFindTenantsInput.parse(await searchParams);
  const { items, total, page, pageSize } = await findTenants({ actor, ...filters });
  const query = new URLSearchParams({ q: filters.q, status: filters.status }).toString();
  return (
    <>
      <PageHeader title="Platform administration" description="Tenants, their users and teams. Suspending a tenant stops its sign-ins, sessions and agent tokens within 2 seconds." actions={<CreateTenantDialog />} />
      <AdminNav current="tenants" />
      <ListFilters
        q={filters.q}
        placeholder="Search tenants by name or slug"
        selects={[{ name: 'status', label: 'Status', value: filters.status, options: [{ value: '', label: 'Any status' }, { value: 'active', label: 'Active' }, { value: 'suspended', label: 'Suspended' }] }]}
      />
      {items.length === 0 ? (
        <EmptyState icon={<Building2 />} title={filters.q || filters.status ? 'No tenant matches these filters' : 'No tenants yet'} description={filters.q || filters.status ? 'Change the search or clear the filters.' : 'Create the first tenant to onboard an organisation.'} />
      ) : (
        <>
          <Table>
            <THead><TR><TH>Tenant</TH><TH>Status</TH><TH className="text-right">Users</TH><TH className="text-right">Teams</TH><TH className="text-right">Active tokens</TH><TH>Created</TH></TR></THead>
            <TBody>
              {items.map((t) => (
                <TR key={t.id}>
                  <TD><Link href={`/admin/tenants/${t.id}`} className="font-medium text-primary hover:underline">{t.name}</Link> <code className="text-xs text-muted-foreground">{t.slug}</code></TD>
                  <TD><TenantStatusBadge suspendedAt={t.suspendedAt} /></TD>
                  <TD className="text-right">{t.users}</TD><TD className="text-right">{t.teams}</TD><TD className="text-right">{t.activeTokens}</TD>
                  <TD className="text-xs">{formatWhen(t.createdAt)}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
          <Pagination className="mt-4" page={page} pageCount={Math.ceil(total / pageSize)} total={total} pageSize={pageSize} query={query} label="Tenant pages" />
        </>
      )}
    </>
  );
}
