'use server';
// Connected apps: revoke an MCP client's access (the user's own, or, for tenant admins, any of their tenant's).
import { ZRevokeConnectionInput } from '@/lib/schemas/oauth';
import { requireActor } from '@/lib/server/auth/actor';
import { parseInput, runAction } from '@/lib/server/boundary';
import { revokeOAuthConnection } from '@/lib/services/oauth/revoke-oauth-connection';

export async function revokeOAuthConnectionAction(input: unknown) {
  return runAction(async () => revokeOAuthConnection({ actor: await requireActor(), ...parseInput(ZRevokeConnectionInput, input) }));
}
