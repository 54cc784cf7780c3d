import 'server-only';
// A pre-registered OAuth client, created by a platform admin for an MCP host that neither registers dynamically nor
// publishes a metadata document. The library validates the metadata like a registration (same policy); a secret,
// when asked for, is returned once and stored encrypted. Audited.
import crypto from 'node:crypto';
import type { AdapterPayload } from 'oidc-provider';
import { AppError } from '@/lib/errors';
import { assertCan, type Actor } from '@/lib/policy';
import { ZCreateOAuthClientInput, type TCreateOAuthClientInput, type TOAuthClientDto } from '@/lib/schemas/oauth';
import { writeAudit } from '@/lib/server/audit';
import { parseInput } from '@/lib/server/boundary';
import { getDb } from '@/lib/server/db/client';
import { newRequestId } from '@/lib/server/ids';
import { prismaAdapterFor } from '@/lib/server/oauth/adapter';
import { oauthProvider } from '@/lib/server/oauth/host';

export async function createOAuthClient({ actor, ...raw }: TCreateOAuthClientInput & { actor: Actor }): Promise<{ client: TOAuthClientDto; clientSecret: string | null }> {
  const input = parseInput(ZCreateOAuthClientInput, raw);
  assertCan(actor, 'oauth_client.manage');
  const clientId = `mcp-client-${crypto.randomBytes(12).toString('base64url')}`;
  const clientSecret = input.confidential ? crypto.randomBytes(32).toString('base64url') : null;
  const metadata = {
    client_id: clientId,
    client_name: input.clientName,
    redirect_uris: input.redirectUris,
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    token_endpoint_auth_method: clientSecret ? 'client_secret_basic' : 'none',
    ...(clientSecret ? { client_secret: clientSecret } : {}),
  };
  const provider = await oauthProvider();
  try {
    await (provider.Client as unknown as { validate(m: object): Promise<void> }).validate(metadata);
  } catch (e) {
    const message = (e as { error_description?: string }).error_description ?? 'The client metadata is not valid.';
    throw new AppError('VALIDATION', { userMessage: message, fieldErrors: { redirectUris: [message] } });
  }
  const db = await getDb();
  const createdAt = new Date().toISOString();
  await db.$transaction(async (tx) => {
    const Adapter = prismaAdapterFor(tx);
    await new Adapter('Client').upsert(clientId, { ...metadata, x_platform: { createdById: actor.id, createdAt } } as unknown as AdapterPayload);
    await writeAudit(tx, actor, {
      requestId: newRequestId(), tenantId: null, action: 'oauth_client.created', resourceType: 'oauth_client', resourceId: clientId,
      details: { clientName: input.clientName, redirectUris: input.redirectUris, confidential: Boolean(clientSecret) }, resourcesTouched: [`oauth_client:${clientId}`],
    });
  });
  return { client: { clientId, clientName: input.clientName, redirectUris: input.redirectUris, kind: 'pre-registered', confidential: Boolean(clientSecret), createdAt }, clientSecret };
}
