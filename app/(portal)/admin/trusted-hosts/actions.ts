'use server';
// Server actions of the trusted internal hosts page.
import { ZAddTrustedHostInput, ZRemoveTrustedHostInput } from '@/lib/schemas/trusted-hosts';
import { requireActor } from '@/lib/server/auth/actor';
import { parseInput, runAction } from '@/lib/server/boundary';
import { addTrustedHost } from '@/lib/services/trusted-hosts/add-trusted-host';
import { removeTrustedHost } from '@/lib/services/trusted-hosts/remove-trusted-host';

export async function addTrustedHostAction(input: unknown) {
  return runAction(async () => addTrustedHost({ actor: await requireActor(), ...parseInput(ZAddTrustedHostInput, input) }));
}
export async function removeTrustedHostAction(input: unknown) {
  return runAction(async () => removeTrustedHost({ actor: await requireActor(), ...parseInput(ZRemoveTrustedHostInput, input) }));
}
