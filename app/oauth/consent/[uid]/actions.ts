'use server';
// The consent decision: parse, resolve the signed-in user, call one use case. The interaction cookie (set by the
// authorization server on this page's path) binds the decision to the browser that started the authorization.
import { cookies } from 'next/headers';
import { ZConsentDecisionInput } from '@/lib/schemas/oauth';
import { requireActor } from '@/lib/server/auth/actor';
import { parseInput, runAction } from '@/lib/server/boundary';
import { decideConsent } from '@/lib/services/oauth/decide-consent';

export async function decideConsentAction(input: unknown) {
  return runAction(async () => {
    const parsed = parseInput(ZConsentDecisionInput, input);
    const interactionCookie = (await cookies()).get('_interaction')?.value;
    return decideConsent({ actor: await requireActor(), interactionCookie, ...parsed });
  });
}
