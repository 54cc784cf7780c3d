import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/policy';
import { getDb } from '@/lib/server/db/client';
import { actorFor } from '@/lib/testing/actors';
import { appErrorOf as errorOf } from '@/lib/testing/app-error';
import { createFreshTenant, type FreshTenant } from '@/lib/testing/fresh-tenant';
import { startSmtpSink, type SmtpSink } from '@/lib/testing/smtp-sink';
import { authenticateWithPassword } from '@/lib/services/auth/authenticate-with-password';
import { setTenantSuspended } from '@/lib/services/tenants/set-tenant-suspended';
import { createUser } from '@/lib/services/users/create-user';
import { issueAccountLinkForUser } from '@/lib/services/users/issue-account-link-for-user';
import { setUserActive } from '@/lib/services/users/set-user-active';
import { acceptAccountLink } from './accept-account-link';
import { getAccountLink } from './get-account-link';

const uid = () => randomBytes(4).toString('hex');
const randomIp = () => `10.7.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
const tokenOf = (url: string) => url.slice(url.lastIndexOf('/') + 1);
const DEAD = 'This link has expired or was already used. Ask an administrator for a new one.';

let admin: Actor, f: FreshTenant, g: FreshTenant;
beforeAll(async () => {
  admin = await actorFor('admin@example.com');
  [f, g] = [await createFreshTenant('inv'), await createFreshTenant('inv2')];
});

async function invite(actor: Actor, tenant: FreshTenant, name = 'Ivy') {
  const email = `${name.toLowerCase()}-${uid()}@${tenant.tenant.slug}.test`;
  const r = await createUser({ actor, tenantId: tenant.tenant.id, email, name, roles: ['requester'], teamIds: [tenant.teams.a] });
  if (r.link?.delivery !== 'shown') throw new Error('expected the link to be shown (no SMTP relay in this test)');
  return { email, user: r.user, url: r.link.url, expiresAt: r.link.expiresAt };
}

describe('invitations', () => {
  it('without a relay the link is shown once; the invitee sets a password, signs in; the link works once', async () => {
    const { email, user, url, expiresAt } = await invite(f.admin, f);
    expect(url).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
    expect(expiresAt.getTime() - Date.now()).toBeGreaterThan(71 * 3600_000);
    const token = tokenOf(url);
    expect(await getAccountLink({ token, purpose: 'invite' })).toMatchObject({ email, name: 'Ivy' });
    // An invitation is not a password reset link, and the other way round.
    expect(await getAccountLink({ token, purpose: 'password_reset' })).toBeNull();
    // Precise field errors, nothing consumed.
    const bad = await errorOf(acceptAccountLink({ purpose: 'invite', token, password: 'short', confirm: 'other' }));
    expect(bad.fieldErrors).toEqual({ password: ['Use at least 12 characters.'], confirm: ['The two passwords differ.'] });
    await acceptAccountLink({ purpose: 'invite', token, password: 'my new password!', confirm: 'my new password!' });
    expect((await authenticateWithPassword({ email, password: 'my new password!' }, randomIp())).id).toBe(user.id);
    // Single use.
    expect(await getAccountLink({ token, purpose: 'invite' })).toBeNull();
    expect((await errorOf(acceptAccountLink({ purpose: 'invite', token, password: 'another password', confirm: 'another password' }))).userMessage).toBe(DEAD);
    const db = await getDb();
    const actions = (await db.auditEvent.findMany({ where: { resourceId: user.id }, orderBy: { seq: 'asc' }, select: { action: true, actorId: true } }));
    expect(actions).toEqual([
      { action: 'user.created', actorId: f.admin.id },
      { action: 'user.invited', actorId: f.admin.id },
      { action: 'user.invitation_accepted', actorId: user.id },
    ]);
    // The token never reaches the audit log.
    expect(JSON.stringify(await db.auditEvent.findMany({ where: { resourceId: user.id }, select: { details: true } }))).not.toContain(token);
  });

  it('an expired link is refused; a new link revokes the previous one', async () => {
    const { url, user } = await invite(f.admin, f, 'Exp');
    const token = tokenOf(url);
    const later = new Date(Date.now() + 73 * 3600_000);
    expect(await getAccountLink({ token, purpose: 'invite', now: later })).toBeNull();
    expect((await errorOf(acceptAccountLink({ purpose: 'invite', token, password: 'password password', confirm: 'password password', now: later }))).userMessage).toBe(DEAD);
    const again = await issueAccountLinkForUser({ actor: f.admin, userId: user.id });
    expect(again).toMatchObject({ purpose: 'invite', delivery: 'shown' });
    expect(await getAccountLink({ token, purpose: 'invite' })).toBeNull();
    expect(await getAccountLink({ token: tokenOf((again as { url: string }).url), purpose: 'invite' })).not.toBeNull();
  });

  it('is scoped to the tenant: another tenant’s admin cannot re-issue it; suspension or deactivation kills the link', async () => {
    const { user, url } = await invite(f.admin, f, 'Sco');
    const foreign = await errorOf(issueAccountLinkForUser({ actor: g.admin, userId: user.id }));
    const unknown = await errorOf(issueAccountLinkForUser({ actor: g.admin, userId: 'no-such-user' }));
    expect([foreign.code, foreign.userMessage]).toEqual([unknown.code, unknown.userMessage]);
    const token = tokenOf(url);
    await setUserActive({ actor: f.admin, userId: user.id, active: false });
    expect(await getAccountLink({ token, purpose: 'invite' })).toBeNull();
    // Deactivation revoked the pending link for good.
    await setUserActive({ actor: f.admin, userId: user.id, active: true });
    expect(await getAccountLink({ token, purpose: 'invite' })).toBeNull();

    const t = await createFreshTenant('invs');
    const other = await invite(t.admin, t, 'Sus');
    await setTenantSuspended({ actor: admin, tenantId: t.tenant.id, suspended: true });
    expect(await getAccountLink({ token: tokenOf(other.url), purpose: 'invite' })).toBeNull();
    expect((await errorOf(acceptAccountLink({ purpose: 'invite', token: tokenOf(other.url), password: 'password password', confirm: 'password password' }))).userMessage).toBe(DEAD);
  });

  it('password reset: a user with a password gets a reset link that replaces the password once', async () => {
    const email = `rst-${uid()}@${f.tenant.slug}.test`;
    const { user } = await createUser({ actor: f.admin, tenantId: f.tenant.id, email, name: 'Rex', roles: ['requester'], mode: 'password', password: 'the first password' });
    const r = await issueAccountLinkForUser({ actor: f.admin, userId: user.id });
    expect(r.purpose).toBe('password_reset');
    if (r.delivery !== 'shown') throw new Error('expected a shown link');
    expect(r.url).toMatch(/\/reset\/[A-Za-z0-9_-]{43}$/);
    expect(r.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(2 * 3600_000);
    await acceptAccountLink({ purpose: 'password_reset', token: tokenOf(r.url), password: 'the second password', confirm: 'the second password' });
    const ip = randomIp();
    expect((await errorOf(authenticateWithPassword({ email, password: 'the first password' }, ip))).code).toBe('UNAUTHENTICATED');
    expect((await authenticateWithPassword({ email, password: 'the second password' }, ip)).id).toBe(user.id);
    expect(await (await getDb()).auditEvent.count({ where: { resourceId: user.id, action: { in: ['user.password_reset_issued', 'user.password_reset'] } } })).toBe(2);
  });
});

describe('invitations through the SMTP relay', () => {
  let sink: SmtpSink;
  const saved = process.env.SMTP_URL;
  beforeAll(async () => {
    sink = await startSmtpSink();
    process.env.SMTP_URL = `smtp://${sink.host}:${sink.port}`;
  });
  afterAll(async () => {
    if (saved === undefined) delete process.env.SMTP_URL;
    else process.env.SMTP_URL = saved;
    await sink.close();
  });

  it('emails the link (not shown to the admin) and the emailed link works', async () => {
    const email = `mail-${uid()}@${f.tenant.slug}.test`;
    const r = await createUser({ actor: f.admin, tenantId: f.tenant.id, email, name: 'Mae', roles: ['requester'] });
    expect(r.link).toEqual({ delivery: 'email', expiresAt: expect.any(Date) });
    const msg = sink.messages.find((m) => m.to.includes(email));
    expect(msg).toBeDefined();
    const body = msg!.raw.replace(/=\r?\n/g, '');
    const token = /\/invite\/([A-Za-z0-9_-]{43})/.exec(body)?.[1];
    expect(token).toBeDefined();
    await acceptAccountLink({ purpose: 'invite', token: token!, password: 'emailed link password', confirm: 'emailed link password' });
    expect((await authenticateWithPassword({ email, password: 'emailed link password' }, randomIp())).email).toBe(email);
  });

  it('when the relay refuses the recipient, the link is shown instead with the reason', async () => {
    const r = await createUser({ actor: f.admin, tenantId: f.tenant.id, email: `reject-${uid()}@${f.tenant.slug}.test`, name: 'Rej', roles: ['requester'] });
    expect(r.link).toMatchObject({ delivery: 'shown', emailError: 'The email could not be sent, so the link is shown here instead.' });
  });
});
