import { requirePagePermission } from '@/lib/server/auth/guard';
import { loadSettingsTenant } from '@/app/(portal)/settings/load-tenant';
import { findTenantUpstreamCredentials } from '@/lib/services/upstreams/find-tenant-upstream-credentials';
import { PageHeader } from '@/components/ui/page-header';
import { SettingsNav } from '@/components/settings/settings-nav';
import { UpstreamCredentials } from '@/components/settings/upstream-credentials';

export const metadata = { title: 'Upstream credentials · Settings' };

export default async function UpstreamCredentialsPage({ searchParams }: { searchParams: Promise<{ tenant?: string }> }) {
  const actor = await requirePagePermission('secret.manage');
  const { tenant, tenants } = await loadSettingsTenant(actor, searchParams);
  const servers = await findTenantUpstreamCredentials({ actor, tenantId: tenant.id });
  return (
    <>
      <PageHeader title={`Upstream credentials — ${tenant.name}`} description="Platform-wide MCP servers are called with your tenant's own credential. Write-only: set, replace or remove; a value is never shown again." />
      <SettingsNav tenant={tenant} tenants={tenants} />
      <UpstreamCredentials key={tenant.id} tenantId={tenant.id} servers={servers} />
    </>
  );
}
