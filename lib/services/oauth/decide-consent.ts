import 'server-only';
// The user's answer on the consent page. Allow: a grant for the tools chosen among those the user may use (never
// more), a connection backed by an agent token that carries the user's rights and the chosen tools, and its audit
// event, in one transaction; then the authorization request resumes with the user signed in. Deny: the client gets
// access_denied. Returns where the browser goes next (the library's resume URL).
import { AppError } from '@/lib/errors';
import { assertCan, type Actor } from '@/lib/policy';
import { choiceScopes, groupScope, SCOPE_ALL_TOOLS, toolGroups, ZConsentDecisionInput, type TConsentDecisionInput } from '@/lib/schemas/oauth';
import { writeAudit } from '@/lib/server/audit';
import { generateAgentToken } from '@/lib/server/crypto';
import { parseInput } from '@/lib/server/boundary';
import { getDb } from '@/lib/server/db/client';
import { newRequestId } from '@/lib/server/ids';
import { mcpResource } from '@/lib/server/oauth/config';
import { findUserTools } from './find-user-tools';
import { clientDisplayName, loadInteraction, requestedScopes } from './interaction';

// The provider's static scopes (lib/server/oauth/provider.ts), granted as such; mcp:tools is also a resource scope.
const OIDC_SCOPES = new Set(['openid', 'email', 'profile', 'offline_access', SCOPE_ALL_TOOLS]);

export async function decideConsent({ actor, interactionCookie, ...raw }: TConsentDecisionInput & { actor: Actor; interactionCookie: string | undefined }): Promise<{ redirectTo: string }> {
  const input = parseInput(ZConsentDecisionInput, raw);
  if (!actor.tenantId) throw new AppError('FORBIDDEN', { userMessage: 'Platform staff accounts have no tools to share. Sign in with a tenant account to connect an MCP client.' });
  assertCan(actor, 'oauth.consent', { tenantId: actor.tenantId });
  const tenantId = actor.tenantId;
  const { provider, interaction, client } = await loadInteraction(input.uid, interactionCookie);
  const ttl = Math.max(1, interaction.exp - Math.floor(Date.now() / 1000));

  if (input.decision === 'deny') {
    interaction.result = { error: 'access_denied', error_description: 'The user did not allow access.' };
    await interaction.save(ttl);
    return { redirectTo: interaction.returnTo };
  }

  const available = await findUserTools({ tenantId, userId: actor.id });
  const chosen = input.all ? available.map((t) => t.slug) : input.tools.filter((slug) => available.some((t) => t.slug === slug));
  // A group counts only when it holds a tool the user may use; an unknown group grants nothing.
  const groups = toolGroups(available).filter((g) => !input.all && input.groups.includes(g.key));
  // The stored choice: tool slugs and group scopes (groups resolve to the user's tools when a token is used); [] = all.
  const choice = input.all ? [] : [...chosen.filter((slug) => !groups.some((g) => g.slugs.includes(slug))), ...groups.map((g) => groupScope(g.category))];
  if (!available.length) throw new AppError('INVALID_STATE', { userMessage: 'No tool is activated for you yet, so there is nothing to share. Ask your tenant admin to activate tools for you or your team.' });
  if (!input.all && !choice.length) throw new AppError('VALIDATION', { userMessage: 'Choose at least one tool, or Deny.', fieldErrors: { tools: ['Choose at least one tool.'] } });

  // The grant holds what the client asked for plus the chosen tools; what a token may reach is bounded at /mcp by
  // the backing token's scopes (the user's choice) and the user's own activation.
  const requested = requestedScopes(interaction.params);
  const resource = mcpResource();
  const grant = new provider.Grant({ accountId: actor.id, clientId: client.clientId });
  const oidc = requested.filter((s) => OIDC_SCOPES.has(s));
  if (oidc.length) grant.addOIDCScope(oidc.join(' '));
  const toolScopes = input.all ? [SCOPE_ALL_TOOLS] : choiceScopes(choice);
  grant.addResourceScope(resource, [...new Set([...requested.filter((s) => !OIDC_SCOPES.has(s) || s === SCOPE_ALL_TOOLS), ...toolScopes])].join(' '));
  const grantId = await grant.save();

  const clientName = clientDisplayName(client);
  const backing = generateAgentToken(); // its value is discarded: the backing token is never a credential
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const token = await tx.agentToken.create({
      data: { tenantId, userId: actor.id, name: `OAuth: ${clientName}`.slice(0, 80), prefix: 'oauth', tokenHash: backing.hash, scopes: choice, createdById: actor.id },
      select: { id: true },
    });
    const row = await tx.oAuthConnection.create({
      data: { grantId, agentTokenId: token.id, tenantId, userId: actor.id, clientId: client.clientId, clientName, scopes: choice },
      select: { id: true },
    });
    await writeAudit(tx, actor, {
      requestId: newRequestId(), tenantId, action: 'oauth_connection.created', resourceType: 'oauth_connection', resourceId: row.id,
      details: { clientId: client.clientId, clientName, tools: input.all ? 'all' : choice, requestedScopes: requested },
      resourcesTouched: [`oauth_connection:${row.id}`, `agent_token:${token.id}`],
    });

  });

  interaction.result = { login: { accountId: actor.id }, consent: { grantId } };
  await interaction.save(ttl);
  return { redirectTo: interaction.returnTo };
}
