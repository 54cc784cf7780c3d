// Settings → Connected apps (tenant admins, platform staff): who connected which MCP client, last use, revoke.
import Link from 'next/link';
import { loadSettingsTenant } from '@/app/(portal)/settings/load-tenant';
import { can } from '@/lib/policy';
import { ZListOAuthConnectionsInput } from '@/lib/schemas/oauth';
import { requirePagePermission } from '@/lib/server/auth/guard';
import { listOAuthConnections } from '@/lib/services/oauth/list-oauth-connections';
import { PageHeader } from '@/components/ui/page-header';
import { SettingsNav } from '@/components/settings/settings-nav';
import { ConnectedApps } from '@/components/settings/connected-apps';

export const metadata = { title: 'Connected apps · Settings' };

type SP = Promise<{ tenant?: string; q?: string; status?: string; page?: string }>;

export default async function TenantConnectedAppsPage({ searchParams }: { searchParams: SP }) {
  const actor = await requirePagePermission('oauth_connection.read');
  const { tenant, tenants } = await loadSettingsTenant(actor, searchParams);
  const sp = await searchParams;
  const parsed = ZListOAuthConnectionsInput.safeParse(sp);
  const filters = parsed.success ? parsed.data : ZListOAuthConnectionsInput.parse({});
  const list = await listOAuthConnections({ actor, tenantId: tenant.id, ...filters });
  return (
    <>
      <PageHeader title={`Connected apps — ${tenant.name}`} description="MCP clients this tenant's users connected with OAuth: who, which tools, last use. Revoking stops the client's tokens within 2 seconds."
        actions={can(actor, 'oauth_client.manage') ? <Link className="text-sm font-medium text-primary underline-offset-4 hover:underline" href="/settings/oauth-clients">Pre-registered clients</Link> : null} />
      <SettingsNav tenant={tenant} tenants={tenants} />
      <ConnectedApps key={tenant.id} {...list} filters={{ q: filters.q ?? '', status: filters.status, tenant: tenants.length ? tenant.slug : undefined }} showUser canRevoke={can(actor, 'oauth_connection.manage', { tenantId: tenant.id })} />
    </>
  );
}
