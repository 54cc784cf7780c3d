import 'server-only';
// Registered OAuth clients (pre-registered by platform admins, and dynamically registered ones). Clients resolved
// from metadata documents are not stored: they are fetched and cached by the authorization server.
import { assertCan, type Actor } from '@/lib/policy';
import type { TOAuthClientDto } from '@/lib/schemas/oauth';
import { getDb } from '@/lib/server/db/client';

interface ClientPayload {
  client_id?: string;
  client_name?: string;
  redirect_uris?: string[];
  token_endpoint_auth_method?: string;
  x_platform?: { createdAt?: string };
}

export async function listOAuthClients({ actor, kind = 'pre-registered' }: { actor: Actor; kind?: 'pre-registered' | 'dynamic' }): Promise<TOAuthClientDto[]> {
  assertCan(actor, 'oauth_client.manage');
  const db = await getDb();
  const rows = await db.oAuthRecord.findMany({ where: { kind: 'Client' }, select: { payload: true, createdAt: true }, orderBy: { createdAt: 'desc' }, take: 500 });
  return rows
    .map((r) => ({ p: r.payload as ClientPayload, createdAt: r.createdAt }))
    .filter(({ p }) => (kind === 'pre-registered') === Boolean(p.x_platform))
    .map(({ p, createdAt }) => ({
      clientId: p.client_id ?? '', clientName: p.client_name ?? p.client_id ?? '', redirectUris: p.redirect_uris ?? [], kind,
      confidential: p.token_endpoint_auth_method !== 'none', createdAt: p.x_platform?.createdAt ?? createdAt.toISOString(),
    }));
}
