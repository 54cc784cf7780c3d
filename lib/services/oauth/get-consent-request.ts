import 'server-only';
// What the consent page shows: which application asks, where it will send the user back, and which of the user's
// tools it asks for (only tools the user may use, and groups holding at least one of them, are ever listed).
import { AppError } from '@/lib/errors';
import { assertCan, type Actor } from '@/lib/policy';
import { requestedChoice, toolGroups } from '@/lib/schemas/oauth';
import { clientDisplayName, loadInteraction, requestedScopes } from './interaction';
import { findUserTools, type UserTool } from './find-user-tools';

export interface ConsentRequestDto {
  uid: string;
  client: { id: string; name: string; uri: string | null; viaMetadataDocument: boolean; redirectHost: string };
  tools: UserTool[];
  /** The catalogue categories holding at least one of the user's tools (a group grants all of them, now and later). */
  groups: { key: string; category: string; slugs: string[] }[];
  requested: { all: boolean; slugs: string[]; groups: string[] };
}

export async function getConsentRequest({ actor, uid, interactionCookie }: { actor: Actor; uid: string; interactionCookie: string | undefined }): Promise<ConsentRequestDto> {
  if (!actor.tenantId) throw new AppError('FORBIDDEN', { userMessage: 'Platform staff accounts have no tools to share. Sign in with a tenant account to connect an MCP client.' });
  assertCan(actor, 'oauth.consent', { tenantId: actor.tenantId });
  const { interaction, client } = await loadInteraction(uid, interactionCookie);
  const tools = await findUserTools({ tenantId: actor.tenantId, userId: actor.id });
  const redirect = String(interaction.params.redirect_uri ?? '');
  return {
    uid,
    client: {
      id: client.clientId,
      name: clientDisplayName(client),
      uri: client.clientUri ?? null,
      viaMetadataDocument: client.clientId.startsWith('https://'),
      redirectHost: URL.canParse(redirect) ? new URL(redirect).host || new URL(redirect).protocol : redirect,
    },
    tools,
    groups: toolGroups(tools),
    requested: requestedChoice(requestedScopes(interaction.params), tools),
  };
}
