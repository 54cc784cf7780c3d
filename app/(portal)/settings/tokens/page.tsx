import { requirePagePermission } from '@/lib/server/auth/guard';
import { loadSettingsTenant } from '@/app/(portal)/settings/load-tenant';
import { can } from '@/lib/policy';
import { findTenantMembers } from '@/lib/services/tenant-policy/find-tenant-members';
import { listAgentTokens } from '@/lib/services/agent-tokens/list-agent-tokens';
import { PageHeader } from '@/components/ui/page-header';
import { SettingsNav } from '@/components/settings/settings-nav';
import { AgentTokens } from '@/components/settings/agent-tokens';

export const metadata = { title: 'Agent tokens · Settings' };

export default async function AgentTokensPage({ searchParams }: { searchParams: Promise<{ tenant?: string }> }) {
  const actor = await requirePagePermission('agent_token.read');
  const { tenant, tenants } = await loadSettingsTenant(actor, searchParams);
  const [tokens, members] = await Promise.all([listAgentTokens({ actor, tenantId: tenant.id }), findTenantMembers({ actor, tenantId: tenant.id })]);
  return (
    <>
      <PageHeader title={`Agent tokens — ${tenant.name}`} description="Credentials for agents calling /mcp. Each belongs to this tenant, may carry a team's or a user's rights, is limited to scopes, expires and can be revoked." />
      <SettingsNav tenant={tenant} tenants={tenants} />
      <AgentTokens key={tenant.id} tenantId={tenant.id} tokens={tokens} members={members} canManage={can(actor, 'agent_token.manage', { tenantId: tenant.id })} />
    </>
  );
}
