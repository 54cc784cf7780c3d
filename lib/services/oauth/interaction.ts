import 'server-only';
// The pending authorization request behind a consent page: found by its uid and bound to the browser that started
// it (the library's interaction cookie, set on the consent page's path). Shared by the page and the decision.
import { AppError } from '@/lib/errors';
import { oauthProvider } from '@/lib/server/oauth/host';

const EXPIRED = 'This authorization request has expired or was opened in another browser. Start the connection again from your MCP client.';

export async function loadInteraction(uid: string, interactionCookie: string | undefined) {
  const provider = await oauthProvider();
  const interaction = await provider.Interaction.find(uid);
  if (!interaction || interactionCookie !== uid) throw new AppError('NOT_FOUND', { userMessage: EXPIRED });
  const clientId = String(interaction.params.client_id ?? '');
  const client = clientId ? await provider.Client.find(clientId).catch(() => undefined) : undefined;
  if (!client) throw new AppError('NOT_FOUND', { userMessage: 'The application asking for access is not known (or its metadata document could not be read).' });
  return { provider, interaction, client };
}

export function clientDisplayName(client: { clientId: string; clientName?: string | undefined }): string {
  if (client.clientName) return client.clientName;
  return URL.canParse(client.clientId) ? new URL(client.clientId).host : client.clientId;
}

export function requestedScopes(params: Record<string, unknown>): string[] {
  return String(params.scope ?? '').split(' ').filter(Boolean);
}
