import { can } from '@/lib/policy';
import { UPSTREAM_STATUSES, ZUpstreamFilters } from '@/lib/schemas/upstreams';
import { requirePagePermission } from '@/lib/server/auth/guard';
import { findTenantChoices } from '@/lib/services/upstreams/find-tenant-choices';
import { findUpstreams } from '@/lib/services/upstreams/find-upstreams';
import { ListFilters } from '@/components/admin/list-filters';
import { PageHeader } from '@/components/ui/page-header';
import { UpstreamFormDialog } from '@/components/upstreams/upstream-form-dialog';
import { UpstreamsNav } from '@/components/upstreams/upstreams-nav';
import { UpstreamsTable } from '@/components/upstreams/upstreams-table';

export const metadata = { title: 'Upstream MCP servers · Admin' };

const STATUS_LABELS = { pending: 'Not checked yet', reachable: 'Reachable', unreachable: 'Unreachable' } as const;

export default async function UpstreamsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePagePermission('upstream.read');
  const filters = ZUpstreamFilters.parse(await searchParams);
  const [{ rows, total, page, pageSize }, tenants] = await Promise.all([findUpstreams({ actor, ...filters }), findTenantChoices({ actor })]);
  const query = new URLSearchParams({ q: filters.q, status: filters.status ?? '' }).toString();
  const canRegister = can(actor, 'upstream.manage') && (tenants.length > 0 || can(actor, 'upstream.manage', { tenantId: null }));
  return (
    <>
      <PageHeader
        title="Upstream MCP servers"
        description="MCP servers whose tools agents call through this platform: discovered into the catalogue, reviewed, enabled per tenant, and forwarded with the server's own credential. A tool whose upstream changes its definition is quarantined until reviewed again."
        actions={canRegister ? <UpstreamFormDialog mode="register" tenants={tenants} allowPlatformWide={can(actor, 'upstream.manage', { tenantId: null })} /> : null}
      />
      <UpstreamsNav current="servers" />
      <ListFilters
        q={filters.q}
        placeholder="Search by name, namespace or URL"
        selects={[{ name: 'status', label: 'Health', value: filters.status ?? '', options: [{ value: '', label: 'Any health' }, ...UPSTREAM_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))] }]}
      />
      <UpstreamsTable rows={rows} total={total} page={page} pageSize={pageSize} query={query} filtered={Boolean(filters.q || filters.status)} />
    </>
  );
}
