// A password reset ends the user's existing portal sessions: the admin's reset link at once, and setting the new
// password through the link again (another device signed in meanwhile); a sign-in afterwards holds.
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { authOptions } from '@/lib/server/auth/options';
import { loadSessionUser, sessionClaims } from '@/lib/server/auth/actor';
import { createFreshTenant, type FreshTenant } from '@/lib/testing/fresh-tenant';
import { authenticateWithPassword } from '@/lib/services/auth/authenticate-with-password';
import { createUser } from '@/lib/services/users/create-user';
import { issueAccountLinkForUser } from '@/lib/services/users/issue-account-link-for-user';
import { acceptAccountLink } from './accept-account-link';

const tokenOf = (url: string) => url.slice(url.lastIndexOf('/') + 1);
const ip = () => `10.9.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;

let f: FreshTenant;
beforeAll(async () => {
  f = await createFreshTenant('pwreset');
});

/** A portal sign-in as next-auth runs it: the credentials, then the jwt and session callbacks. */
async function signIn(email: string, password: string) {
  const user = await authenticateWithPassword({ email, password }, ip());
  const { callbacks } = authOptions();
  const token = await callbacks!.jwt!({ token: { sub: user.id }, user, account: null, trigger: 'signIn' } as never);
  const session = await callbacks!.session!({ session: { user: { email }, expires: new Date(Date.now() + 3_600_000).toISOString() }, token, user } as never);
  return sessionClaims(session as { user?: unknown })!;
}

async function setPassword(url: string, purpose: 'invite' | 'password_reset', password: string) {
  await acceptAccountLink({ purpose, token: tokenOf(url), password, confirm: password });
}

describe('password reset', () => {
  it('ends the user\'s existing portal sessions; a new sign-in holds', async () => {
    const email = `rita-${randomBytes(4).toString('hex')}@${f.tenant.slug}.test`;
    const created = await createUser({ actor: f.admin, tenantId: f.tenant.id, email, name: 'Rita', roles: ['requester'], teamIds: [f.teams.a] });
    if (created.link?.delivery !== 'shown') throw new Error('expected the link to be shown (no SMTP relay in this test)');
    await setPassword(created.link.url, 'invite', 'first password 123');
    const laptop = await signIn(email, 'first password 123');
    const phone = await signIn(email, 'first password 123');
    expect(await loadSessionUser(laptop)).toMatchObject({ id: created.user.id });
    expect(await loadSessionUser(phone)).toMatchObject({ id: created.user.id });

    // The admin's reset link ends both sessions at once.
    const link = await issueAccountLinkForUser({ actor: f.admin, userId: created.user.id });
    expect(link.purpose).toBe('password_reset');
    if (link.delivery !== 'shown') throw new Error('expected the link to be shown (no SMTP relay in this test)');
    expect(await loadSessionUser(laptop)).toBeNull();
    expect(await loadSessionUser(phone)).toBeNull();

    // Signed in again with the old password meanwhile: setting the new one ends that session too.
    const meanwhile = await signIn(email, 'first password 123');
    expect(await loadSessionUser(meanwhile)).not.toBeNull();
    await setPassword(link.url, 'password_reset', 'second password 456');
    expect(await loadSessionUser(meanwhile)).toBeNull();
    const fresh = await signIn(email, 'second password 456');
    expect(await loadSessionUser(fresh)).toMatchObject({ id: created.user.id });
    // A session from before session versions existed (no version) counts as version 0: ended too.
    expect(await loadSessionUser({ uid: created.user.id, sessionVersion: 0 })).toBeNull();
  });
});
