import { can } from '@/lib/policy';
import { requirePagePermission } from '@/lib/server/auth/guard';
import { findTrustedHosts } from '@/lib/services/trusted-hosts/find-trusted-hosts';
import { findTenantChoices } from '@/lib/services/upstreams/find-tenant-choices';
import { ListFilters } from '@/components/admin/list-filters';
import { PageHeader } from '@/components/ui/page-header';
import { TrustedHostDialog } from '@/components/upstreams/trusted-host-dialog';
import { TrustedHostsTable } from '@/components/upstreams/trusted-hosts-table';
import { UpstreamsNav } from '@/components/upstreams/upstreams-nav';

export const metadata = { title: 'Trusted internal hosts · Admin' };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

export default async function TrustedHostsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePagePermission('trusted_host.read');
  const sp = await searchParams;
  const q = one(sp.q).slice(0, 100);
  const requested = Number.parseInt(one(sp.page), 10);
  const manage = can(actor, 'trusted_host.manage');
  const [{ rows, total, page, pageSize }, tenants] = await Promise.all([
    findTrustedHosts({ actor, q, page: Number.isFinite(requested) ? requested : 1 }),
    manage ? findTenantChoices({ actor }) : Promise.resolve([]),
  ]);
  return (
    <>
      <PageHeader
        title="Trusted internal hosts"
        description="The private destinations upstream MCP servers and declarative HTTP tools may reach (exact hosts or CIDR ranges). Everything else private stays refused by the SSRF guard, and agents' http_fetch never reaches any of them."
        actions={manage ? <TrustedHostDialog tenants={tenants} /> : null}
      />
      <UpstreamsNav current="trusted" />
      <ListFilters q={q} placeholder="Search hosts or notes" selects={[]} />
      <TrustedHostsTable rows={rows} total={total} page={page} pageSize={pageSize} query={new URLSearchParams({ q }).toString()} filtered={Boolean(q)} manage={manage} />
    </>
  );
}
