// Consent for an MCP client (the authorization server's interaction): the user signs in to the portal (password or
// SSO) if needed, sees which application asks for which of their tools, and chooses.
import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { isAppError } from '@/lib/errors';
import { getActor } from '@/lib/server/auth/actor';
import { getConsentRequest } from '@/lib/services/oauth/get-consent-request';
import { ConsentForm } from '@/components/oauth/consent-form';
import { ConsentProblem } from '@/components/oauth/consent-problem';

export const metadata: Metadata = { title: 'Connect an application' };
export const dynamic = 'force-dynamic';

export default async function ConsentPage({ params }: { params: Promise<{ uid: string }> }) {
  const { uid } = await params;
  const self = `/oauth/consent/${encodeURIComponent(uid)}`;
  const actor = await getActor();
  if (!actor) redirect(`/sign-in?callbackUrl=${encodeURIComponent(self)}`);
  const interactionCookie = (await cookies()).get('_interaction')?.value;
  let view;
  try {
    view = await getConsentRequest({ actor, uid, interactionCookie });
  } catch (e) {
    if (!isAppError(e)) throw e;
    return <ConsentProblem message={e.userMessage} email={actor.email} callbackUrl={self} />;
  }
  return (
    <main className="flex min-h-screen items-start justify-center bg-muted/40 p-4 sm:items-center">
      <ConsentForm view={view} email={actor.email} tenantName={actor.tenantName ?? ''} callbackUrl={self} />
    </main>
  );
}
