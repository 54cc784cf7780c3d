// Settings → Pre-registered OAuth clients (platform admins): MCP hosts that neither register dynamically nor publish
// a client metadata document.
import { requirePagePermission } from '@/lib/server/auth/guard';
import { listOAuthClients } from '@/lib/services/oauth/list-oauth-clients';
import { PageHeader } from '@/components/ui/page-header';
import { OAuthClients } from '@/components/oauth/oauth-clients';

export const metadata = { title: 'OAuth clients · Settings' };

export default async function OAuthClientsPage() {
  const actor = await requirePagePermission('oauth_client.manage');
  const clients = await listOAuthClients({ actor });
  return (
    <>
      <PageHeader title="Pre-registered OAuth clients" description="Most MCP clients identify themselves with a metadata document URL or register dynamically. Register here the ones that need a fixed client id (and optionally a secret)." />
      <OAuthClients clients={clients} />
    </>
  );
}
