'use server';
// Setting a password through an invitation or reset link: no session needed, the single-use token is the proof.
import { headers } from 'next/headers';
import { ZAcceptAccountLinkInput } from '@/lib/schemas/admin';
import { parseInput, runAction } from '@/lib/server/boundary';
import { clientIp } from '@/lib/server/client-ip';
import { acceptAccountLink } from '@/lib/services/invitations/accept-account-link';

async function ip() {
  const h = await headers();
  return clientIp((name) => h.get(name));
}

export async function acceptInvitationAction(input: unknown) {
  return runAction(async () => acceptAccountLink({ purpose: 'invite', ip: await ip(), ...parseInput(ZAcceptAccountLinkInput, input) }));
}

export async function resetPasswordAction(input: unknown) {
  return runAction(async () => acceptAccountLink({ purpose: 'password_reset', ip: await ip(), ...parseInput(ZAcceptAccountLinkInput, input) }));
}
