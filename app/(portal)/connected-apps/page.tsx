// Connected apps (every signed-in user): the MCP clients allowed to use my tools, their last use, revoke.
import { requirePagePermission } from '@/lib/server/auth/guard';
import { ZListOAuthConnectionsInput } from '@/lib/schemas/oauth';
import { listOAuthConnections } from '@/lib/services/oauth/list-oauth-connections';
import { PageHeader } from '@/components/ui/page-header';
import { ConnectedApps } from '@/components/settings/connected-apps';

export const metadata = { title: 'Connected apps' };

type SP = Promise<{ q?: string; status?: string; page?: string }>;

export default async function ConnectedAppsPage({ searchParams }: { searchParams: SP }) {
  const actor = await requirePagePermission('oauth_connection.read_own');
  const sp = await searchParams;
  const parsed = ZListOAuthConnectionsInput.safeParse(sp);
  const filters = parsed.success ? parsed.data : ZListOAuthConnectionsInput.parse({});
  const list = await listOAuthConnections({ actor, ...filters });
  return (
    <>
      <PageHeader title="Connected apps" description="MCP clients you allowed to use your tools. Each acts as you, with your activation, limits and approvals, and is audited as you through that application." />
      <ConnectedApps {...list} filters={{ q: filters.q ?? '', status: filters.status }} showUser={false} canRevoke />
    </>
  );
}
