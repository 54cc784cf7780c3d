'use server';
// Pre-registered OAuth clients (platform admins): create (a secret is returned once) and delete.
import { z } from 'zod';
import { ZCreateOAuthClientInput } from '@/lib/schemas/oauth';
import { requireActor } from '@/lib/server/auth/actor';
import { parseInput, runAction } from '@/lib/server/boundary';
import { createOAuthClient } from '@/lib/services/oauth/create-oauth-client';
import { deleteOAuthClient } from '@/lib/services/oauth/delete-oauth-client';

export async function createOAuthClientAction(input: unknown) {
  return runAction(async () => createOAuthClient({ actor: await requireActor(), ...parseInput(ZCreateOAuthClientInput, input) }));
}

export async function deleteOAuthClientAction(input: unknown) {
  return runAction(async () => deleteOAuthClient({ actor: await requireActor(), ...parseInput(z.object({ clientId: z.string().min(1).max(200) }), input) }));
}
