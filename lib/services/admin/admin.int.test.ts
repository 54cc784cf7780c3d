import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/policy';
import { getDb } from '@/lib/server/db/client';
import { actorFor } from '@/lib/testing/actors';
import { appErrorOf as errorOf } from '@/lib/testing/app-error';
import { createFreshTenant, type FreshTenant } from '@/lib/testing/fresh-tenant';
import { rawPost, tokenFor } from '@/lib/testing/mcp';
import { createAgentToken } from '@/lib/services/agent-tokens/create-agent-token';
import { authenticateWithPassword } from '@/lib/services/auth/authenticate-with-password';
import { setDefaultLimits } from '@/lib/services/tenant-policy/set-default-limits';
import { createTenant } from '@/lib/services/tenants/create-tenant';
import { createTeam } from '@/lib/services/tenants/create-team';
import { findTenants } from '@/lib/services/tenants/find-tenants';
import { getTenantForAdmin } from '@/lib/services/tenants/get-tenant-for-admin';
import { removeTeam } from '@/lib/services/tenants/remove-team';
import { renameTeam } from '@/lib/services/tenants/rename-team';
import { setTenantSuspended } from '@/lib/services/tenants/set-tenant-suspended';
import { updateTenant } from '@/lib/services/tenants/update-tenant';
import { createUser } from '@/lib/services/users/create-user';
import { findUsers } from '@/lib/services/users/find-users';
import { setUserActive } from '@/lib/services/users/set-user-active';
import { updateUser } from '@/lib/services/users/update-user';
import { isUserActive } from './principal-state';

const uid = () => randomBytes(4).toString('hex');
const INIT = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '1' } } });
const mcpStatus = async (token: string) => (await rawPost(INIT, { authorization: `Bearer ${token}` })).status;

let admin: Actor, f: FreshTenant, g: FreshTenant;
beforeAll(async () => {
  admin = await actorFor('admin@example.com');
  [f, g] = [await createFreshTenant('adm'), await createFreshTenant('adm2')];
});

describe('tenants', () => {
  it('a platform admin creates a tenant with its default limits; audited; duplicates and bad input refused precisely', async () => {
    const slug = `new-${uid()}`;
    const t = await createTenant({ actor: admin, name: 'New Corp', slug, defaultRequestsPerMinute: 42, defaultCallsPerDay: 4200, ssoDomains: [`${slug}.example`, `${slug}.example`] });
    const db = await getDb();
    expect(await db.tenantPolicy.findUniqueOrThrow({ where: { tenantId: t.id }, select: { defaultRequestsPerMinute: true, defaultCallsPerDay: true } })).toEqual({ defaultRequestsPerMinute: 42, defaultCallsPerDay: 4200 });
    expect((await getTenantForAdmin({ actor: admin, tenantId: t.id }))?.ssoDomains).toEqual([`${slug}.example`]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: 'tenant.created', tenantId: t.id } });
    expect(audit.actorId).toBe(admin.id);

    expect((await errorOf(createTenant({ actor: admin, name: 'Again', slug }))).fieldErrors).toEqual({ slug: ['This slug is already taken.'] });
    const bad = await errorOf(createTenant({ actor: admin, name: 'X', slug: '9-Bad_slug', defaultRequestsPerMinute: 0 }));
    expect(bad.code).toBe('VALIDATION');
    expect(bad.fieldErrors).toEqual({
      name: ['The name needs at least 2 characters.'],
      slug: ['Use lowercase letters, digits and hyphens, starting with a letter (e.g. "acme-eu").'],
      defaultRequestsPerMinute: ['Requests per minute must be at least 1.'],
    });
    const clash = await errorOf(createTenant({ actor: admin, name: 'Other', slug: `oth-${uid()}`, ssoDomains: [`${slug}.example`] }));
    expect(clash.fieldErrors?.ssoDomains?.[0]).toMatch(/already provisions into another tenant/);
  });

  it('edits name and SSO domains (slug fixed); limits through the tenant policy service; all audited', async () => {
    const t = await createTenant({ actor: admin, name: 'Edit Me', slug: `edit-${uid()}` });
    await updateTenant({ actor: admin, tenantId: t.id, name: 'Edited', ssoDomains: ['edited.example'] });
    await setDefaultLimits({ actor: admin, tenantId: t.id, defaultRequestsPerMinute: 7, defaultCallsPerDay: 70 });
    const view = await getTenantForAdmin({ actor: admin, tenantId: t.id });
    expect(view).toMatchObject({ name: 'Edited', slug: t.slug, ssoDomains: ['edited.example'], limits: { defaultRequestsPerMinute: 7, defaultCallsPerDay: 70 } });
    const db = await getDb();
    const ev = await db.auditEvent.findFirstOrThrow({ where: { action: 'tenant.updated', tenantId: t.id } });
    expect(ev.details).toEqual({ before: { name: 'Edit Me', ssoDomains: [] }, after: { name: 'Edited', ssoDomains: ['edited.example'] } });
    expect((await findTenants({ actor: admin, q: 'Edited' })).items.map((x) => x.id)).toContain(t.id);
  });

  it('tenant admins cannot create, edit, suspend or list tenants; another tenant is answered like an unknown one', async () => {
    expect((await errorOf(createTenant({ actor: f.admin, name: 'Nope', slug: `nope-${uid()}` }))).code).toBe('FORBIDDEN');
    expect((await errorOf(setTenantSuspended({ actor: f.admin, tenantId: f.tenant.id, suspended: true }))).code).toBe('FORBIDDEN');
    expect((await errorOf(findTenants({ actor: f.admin }))).code).toBe('FORBIDDEN');
    expect(await getTenantForAdmin({ actor: f.admin, tenantId: g.tenant.id })).toBeNull();
    expect(await getTenantForAdmin({ actor: f.admin, tenantId: 'no-such-tenant' })).toBeNull();
    expect(await getTenantForAdmin({ actor: f.admin, tenantId: f.tenant.id })).not.toBeNull();
    const other = await errorOf(createTeam({ actor: f.admin, tenantId: g.tenant.id, name: 'Sneaky' }));
    const unknown = await errorOf(createTeam({ actor: f.admin, tenantId: 'no-such-tenant', name: 'Sneaky' }));
    expect([other.code, other.userMessage]).toEqual([unknown.code, unknown.userMessage]);
    expect(other.code).toBe('NOT_FOUND');
  });

  it('suspension stops the tenant’s agent tokens on /mcp and its users’ sign-in; reactivation restores them; audited', async () => {
    const t = await createFreshTenant('susp');
    const { token } = await tokenFor(t.tenant.slug);
    const db = await getDb();
    const email = `pw-${uid()}@${t.tenant.slug}.test`;
    await createUser({ actor: admin, tenantId: t.tenant.id, email, name: 'Pat', roles: ['requester'], mode: 'password', password: 'correct horse battery' });
    const ip = `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    expect(await mcpStatus(token)).toBe(200);
    await authenticateWithPassword({ email, password: 'correct horse battery' }, ip);

    await setTenantSuspended({ actor: admin, tenantId: t.tenant.id, suspended: true, reason: 'unpaid invoice' });
    expect(await mcpStatus(token)).toBe(401);
    expect((await errorOf(authenticateWithPassword({ email, password: 'correct horse battery' }, ip))).userMessage).toBe('Incorrect email or password.');
    expect((await errorOf(setTenantSuspended({ actor: admin, tenantId: t.tenant.id, suspended: true }))).code).toBe('INVALID_STATE');
    expect((await findTenants({ actor: admin, q: t.tenant.slug, status: 'suspended' })).items.map((x) => x.id)).toEqual([t.tenant.id]);
    expect((await findTenants({ actor: admin, q: t.tenant.slug, status: 'active' })).items).toEqual([]);

    await setTenantSuspended({ actor: admin, tenantId: t.tenant.id, suspended: false });
    expect(await mcpStatus(token)).toBe(200);
    const events = await db.auditEvent.findMany({ where: { tenantId: t.tenant.id, action: { in: ['tenant.suspended', 'tenant.reactivated'] } }, orderBy: { seq: 'asc' }, select: { action: true, details: true } });
    expect(events).toEqual([{ action: 'tenant.suspended', details: { reason: 'unpaid invoice' } }, { action: 'tenant.reactivated', details: { reason: null } }]);
  });
});

describe('teams', () => {
  it('tenant admins create, rename and remove teams; removal revokes the team’s tokens; audited', async () => {
    const team = await createTeam({ actor: f.admin, tenantId: f.tenant.id, name: 'Data Science' });
    expect(team.slug).toBe('data-science');
    expect((await errorOf(createTeam({ actor: f.admin, tenantId: f.tenant.id, name: 'data science' }))).fieldErrors).toEqual({ name: ['A team with this name already exists.'] });
    expect((await errorOf(createTeam({ actor: f.admin, tenantId: f.tenant.id, name: 'x' }))).fieldErrors).toEqual({ name: ['The team name needs at least 2 characters.'] });
    await renameTeam({ actor: f.admin, tenantId: f.tenant.id, teamId: team.id, name: 'ML' });
    const { token, record } = await createAgentToken({ actor: f.admin, tenantId: f.tenant.id, name: `team-${uid()}`, teamId: team.id, scopes: [] });
    expect(await mcpStatus(token)).toBe(200);
    // Another tenant's team id: answered like an unknown one.
    expect((await errorOf(removeTeam({ actor: g.admin, tenantId: g.tenant.id, teamId: team.id }))).userMessage).toBe('Team not found.');
    expect(await removeTeam({ actor: f.admin, tenantId: f.tenant.id, teamId: team.id })).toEqual({ id: team.id, tokensRevoked: 1 });
    expect(await mcpStatus(token)).toBe(401);
    const db = await getDb();
    expect((await db.agentToken.findUniqueOrThrow({ where: { id: record.id } })).revokedAt).not.toBeNull();
    const actions = (await db.auditEvent.findMany({ where: { resourceId: team.id }, orderBy: { seq: 'asc' }, select: { action: true } })).map((e) => e.action);
    expect(actions).toEqual(['team.created', 'team.renamed', 'team.removed']);
  });
});

describe('users', () => {
  it('tenant admins grant roles up to their own, never platform roles, only in their tenant', async () => {
    const email = `ta-${uid()}@${f.tenant.slug}.test`;
    const bad = await errorOf(createUser({ actor: f.admin, tenantId: f.tenant.id, email, name: 'Eve', roles: ['requester', 'platform_admin'] }));
    expect(bad.code).toBe('VALIDATION');
    expect(bad.fieldErrors?.roles?.[0]).toMatch(/^You cannot give a tenant user the role Platform admin\./);
    for (const role of ['auditor', 'security_reviewer'] as const) {
      expect((await errorOf(createUser({ actor: f.admin, tenantId: f.tenant.id, email, name: 'Eve', roles: [role] }))).code).toBe('VALIDATION');
    }
    expect((await errorOf(createUser({ actor: f.admin, tenantId: null, email, name: 'Eve', roles: ['auditor'] }))).code).toBe('VALIDATION');
    const other = await errorOf(createUser({ actor: f.admin, tenantId: g.tenant.id, email, name: 'Eve', roles: ['requester'] }));
    const unknown = await errorOf(createUser({ actor: f.admin, tenantId: 'no-such-tenant', email, name: 'Eve', roles: ['requester'] }));
    expect([other.code, other.userMessage]).toEqual(['NOT_FOUND', 'Tenant not found.']);
    expect([unknown.code, unknown.userMessage]).toEqual(['NOT_FOUND', 'Tenant not found.']);
    // Another tenant's team is refused too.
    expect((await errorOf(createUser({ actor: f.admin, tenantId: f.tenant.id, email, name: 'Eve', roles: ['requester'], teamIds: [g.teams.a] }))).fieldErrors).toEqual({ teamIds: ['One of the teams does not exist in this tenant.'] });

    const { user } = await createUser({ actor: f.admin, tenantId: f.tenant.id, email, name: 'Eve', roles: ['tenant_admin', 'operator'], teamIds: [f.teams.a] });
    expect(user).toMatchObject({ roles: ['tenant_admin', 'operator'], teamIds: [f.teams.a], status: 'invited' });
    const updated = await updateUser({ actor: f.admin, userId: user.id, name: 'Eve Ops', roles: ['operator'], teamIds: [f.teams.b] });
    expect(updated).toMatchObject({ name: 'Eve Ops', roles: ['operator'], teamIds: [f.teams.b] });
    expect((await errorOf(updateUser({ actor: f.admin, userId: user.id, name: 'Eve', roles: ['platform_admin'], teamIds: [] }))).code).toBe('VALIDATION');
    // The other tenant's admin: the user is unknown to them, exactly like a made-up id.
    const foreign = await errorOf(updateUser({ actor: g.admin, userId: user.id, name: 'X', roles: ['requester'], teamIds: [] }));
    const madeUp = await errorOf(updateUser({ actor: g.admin, userId: 'no-such-user', name: 'X', roles: ['requester'], teamIds: [] }));
    expect([foreign.code, foreign.userMessage]).toEqual([madeUp.code, madeUp.userMessage]);
    expect((await errorOf(setUserActive({ actor: g.admin, userId: user.id, active: false }))).code).toBe('NOT_FOUND');
    // Tenant admins never reach platform staff.
    expect((await errorOf(setUserActive({ actor: f.admin, userId: admin.id, active: false }))).code).toBe('NOT_FOUND');
    // Lists are scoped, searchable and filterable.
    expect((await findUsers({ actor: g.admin, q: email })).total).toBe(0);
    expect((await findUsers({ actor: f.admin, q: 'eve ops' })).items.map((u) => u.id)).toEqual([user.id]);
    expect((await findUsers({ actor: f.admin, role: 'operator', status: 'invited' })).items.map((u) => u.id)).toEqual([user.id]);
    const db = await getDb();
    const ev = await db.auditEvent.findFirstOrThrow({ where: { action: 'user.updated', resourceId: user.id } });
    expect(ev.details).toMatchObject({ before: { roles: ['tenant_admin', 'operator'], teamIds: [f.teams.a] }, after: { roles: ['operator'], teamIds: [f.teams.b] } });
  });

  it('deactivation stops the user’s sign-in and the agent tokens acting for them; reactivation restores them', async () => {
    const email = `deact-${uid()}@${f.tenant.slug}.test`;
    const { user } = await createUser({ actor: f.admin, tenantId: f.tenant.id, email, name: 'Dee', roles: ['requester'], mode: 'password', password: 'a long enough password' });
    const ip = `10.8.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    const { token } = await createAgentToken({ actor: f.admin, tenantId: f.tenant.id, name: `dee-${uid()}`, userId: user.id, scopes: [] });
    const { token: tenantWide } = await tokenFor(f.tenant.slug);
    expect(await mcpStatus(token)).toBe(200);
    expect(await isUserActive(user.id)).toBe(true);

    await setUserActive({ actor: f.admin, userId: user.id, active: false });
    expect(await mcpStatus(token)).toBe(401);
    expect(await mcpStatus(tenantWide)).toBe(200);
    expect(await isUserActive(user.id)).toBe(false);
    expect((await errorOf(authenticateWithPassword({ email, password: 'a long enough password' }, ip))).code).toBe('UNAUTHENTICATED');
    expect((await errorOf(setUserActive({ actor: f.admin, userId: user.id, active: false }))).code).toBe('INVALID_STATE');
    expect((await findUsers({ actor: f.admin, status: 'deactivated' })).items.map((u) => u.id)).toContain(user.id);

    await setUserActive({ actor: f.admin, userId: user.id, active: true });
    expect(await mcpStatus(token)).toBe(200);
    expect((await authenticateWithPassword({ email, password: 'a long enough password' }, ip)).id).toBe(user.id);
    const db = await getDb();
    const actions = (await db.auditEvent.findMany({ where: { resourceId: user.id, action: { startsWith: 'user.' } }, orderBy: { seq: 'asc' }, select: { action: true } })).map((e) => e.action);
    expect(actions).toEqual(['user.created', 'user.deactivated', 'user.reactivated']);
    expect((await errorOf(setUserActive({ actor: f.admin, userId: f.admin.id, active: false }))).userMessage).toBe('You cannot deactivate your own account.');
  });

  it('the last active platform admin cannot be demoted or deactivated', async () => {
    const db = await getDb();
    const email = `pa-${uid()}@platform.test`;
    const { user } = await createUser({ actor: admin, tenantId: null, email, name: 'Pam', roles: ['platform_admin'], mode: 'password', password: 'platform admin password' });
    const pam: Actor = { kind: 'user', id: user.id, label: email, tenantId: null, teamIds: [], roles: ['platform_admin'], via: 'portal', ip: null };
    // Platform staff cannot hold tenant roles, nor tenant users platform roles.
    expect((await errorOf(updateUser({ actor: pam, userId: user.id, name: 'Pam', roles: ['requester'], teamIds: [] }))).code).toBe('VALIDATION');
    // With the other platform admins (the seeded one included) deactivated inside a transaction that is rolled
    // back, Pam is the last: neither demoting nor deactivating her is allowed. Nothing outside sees the change.
    const outcome = await db
      .$transaction(async (tx) => {
        await tx.user.updateMany({ where: { id: { not: user.id }, tenantId: null, roles: { has: 'platform_admin' } }, data: { disabled: true } });
        const demote = await errorOf(updateUser({ actor: pam, userId: user.id, name: 'Pam', roles: ['auditor'], teamIds: [] }, tx));
        const deactivate = await errorOf(setUserActive({ actor: admin, userId: user.id, active: false }, tx));
        throw Object.assign(new Error('rollback'), { outcome: [demote.userMessage, deactivate.userMessage] });
      })
      .catch((e: { outcome?: string[] }) => e.outcome);
    expect(outcome).toEqual(['This is the last active platform admin: make someone else a platform admin first.', 'This is the last active platform admin: make someone else a platform admin first.']);
    expect((await db.user.findUniqueOrThrow({ where: { email: 'admin@example.com' } })).disabled).toBe(false);
    // With another platform admin active, Pam may be demoted.
    expect((await updateUser({ actor: admin, userId: user.id, name: 'Pam', roles: ['auditor'], teamIds: [] })).roles).toEqual(['auditor']);
  });
});
