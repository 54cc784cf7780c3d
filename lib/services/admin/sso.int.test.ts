import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/policy';
import { getDb } from '@/lib/server/db/client';
import { actorFor } from '@/lib/testing/actors';
import { appErrorOf as errorOf } from '@/lib/testing/app-error';
import { createFreshTenant, type FreshTenant } from '@/lib/testing/fresh-tenant';
import { setTenantSuspended } from '@/lib/services/tenants/set-tenant-suspended';
import { updateTenant } from '@/lib/services/tenants/update-tenant';
import { updateUser } from '@/lib/services/users/update-user';
import { deleteSsoGroupMapping } from './delete-sso-group-mapping';
import { setSsoGroupMapping } from './set-sso-group-mapping';
import { signInWithSso } from './sign-in-with-sso';

const uid = () => randomBytes(4).toString('hex');

let admin: Actor, f: FreshTenant, g: FreshTenant, domain: string;
beforeAll(async () => {
  admin = await actorFor('admin@example.com');
  [f, g] = [await createFreshTenant('sso'), await createFreshTenant('sso2')];
  domain = `${f.tenant.slug}.corp.example`;
  await updateTenant({ actor: admin, tenantId: f.tenant.id, name: 'SSO Corp', ssoDomains: [domain] });
});

async function stateOf(email: string) {
  const u = await (await getDb()).user.findUniqueOrThrow({ where: { email }, include: { teams: true } });
  return { tenantId: u.tenantId, roles: [...u.roles].sort(), teamIds: u.teams.map((t) => t.teamId).sort() };
}

describe('SSO group mappings', () => {
  it('tenant admins edit mappings within their roles and teams; another tenant’s are unknown to them; audited', async () => {
    const m = await setSsoGroupMapping({ actor: f.admin, tenantId: f.tenant.id, group: 'mcp-users', role: 'requester' });
    expect(m).toMatchObject({ group: 'mcp-users', role: 'requester', teamId: null });
    const bad = await errorOf(setSsoGroupMapping({ actor: f.admin, tenantId: f.tenant.id, group: 'x', role: 'platform_admin' }));
    expect(bad.fieldErrors?.roles?.[0]).toMatch(/You cannot give a tenant user the role Platform admin/);
    expect((await errorOf(setSsoGroupMapping({ actor: f.admin, tenantId: f.tenant.id, group: 'x', teamId: g.teams.a }))).fieldErrors).toEqual({ teamId: ['This team does not exist in the tenant.'] });
    expect((await errorOf(setSsoGroupMapping({ actor: f.admin, tenantId: f.tenant.id, group: 'x' }))).fieldErrors).toEqual({ role: ['Choose a role, a team, or both.'] });
    expect((await errorOf(setSsoGroupMapping({ actor: g.admin, tenantId: f.tenant.id, group: 'x', role: 'requester' }))).userMessage).toBe('Tenant not found.');
    expect((await errorOf(deleteSsoGroupMapping({ actor: g.admin, tenantId: g.tenant.id, mappingId: m.id }))).userMessage).toBe('Mapping not found.');
    const ev = await (await getDb()).auditEvent.findFirstOrThrow({ where: { action: 'sso_mapping.created', resourceId: m.id } });
    expect(ev.details).toEqual({ group: 'mcp-users', before: null, after: { role: 'requester', teamId: null } });
  });

  it('the first sign-in provisions from the groups; later sign-ins re-apply the mapping and keep manual grants', async () => {
    await setSsoGroupMapping({ actor: f.admin, tenantId: f.tenant.id, group: 'mcp-users', role: 'requester' });
    await setSsoGroupMapping({ actor: f.admin, tenantId: f.tenant.id, group: 'finance-ops', role: 'operator', teamId: f.teams.b });
    const email = `Sam.${uid()}@${domain}`;
    const u = await signInWithSso({ email, name: 'Sam Sso', groups: ['mcp-users', 'finance-ops', 'unrelated'] });
    expect(await stateOf(email.toLowerCase())).toEqual({ tenantId: f.tenant.id, roles: ['operator', 'requester'], teamIds: [f.teams.b] });
    // A manual grant by the tenant admin (team alpha, tool owner) survives the next sign-in.
    await updateUser({ actor: f.admin, userId: u.id, name: 'Sam Sso', roles: ['operator', 'requester', 'tool_owner'], teamIds: [f.teams.a, f.teams.b] });
    // Left finance-ops at the IdP: operator and team beta go; manual ones stay.
    await signInWithSso({ email, groups: 'mcp-users' });
    expect(await stateOf(email.toLowerCase())).toEqual({ tenantId: f.tenant.id, roles: ['requester', 'tool_owner'], teamIds: [f.teams.a] });
    const db = await getDb();
    const actions = (await db.auditEvent.findMany({ where: { resourceId: u.id, actorId: 'sso' }, orderBy: { seq: 'asc' }, select: { action: true } })).map((e) => e.action);
    expect(actions).toEqual(['user.sso_provisioned', 'user.sso_synced']);
    expect((await db.user.findUniqueOrThrow({ where: { id: u.id } })).lastLoginAt).not.toBeNull();
  });

  it('refuses unknown domains, identities without a mapped group, unverified emails, suspended tenants and deactivated users', async () => {
    const NO = 'No active account for this identity. Ask an administrator.';
    expect((await errorOf(signInWithSso({ email: `x-${uid()}@nowhere.example`, groups: ['mcp-users'] }))).userMessage).toBe(NO);
    expect((await errorOf(signInWithSso({ email: `y-${uid()}@${domain}`, groups: ['unmapped'] }))).userMessage).toBe(NO);
    expect((await errorOf(signInWithSso({ email: `z-${uid()}@${domain}`, groups: ['mcp-users'], emailVerified: false }))).userMessage).toBe(NO);
    const t = await createFreshTenant('ssos');
    const d2 = `${t.tenant.slug}.corp.example`;
    await updateTenant({ actor: admin, tenantId: t.tenant.id, name: 'Suspended SSO', ssoDomains: [d2] });
    await setSsoGroupMapping({ actor: t.admin, tenantId: t.tenant.id, group: 'all', role: 'requester' });
    const email = `w-${uid()}@${d2}`;
    await signInWithSso({ email, groups: ['all'] });
    await setTenantSuspended({ actor: admin, tenantId: t.tenant.id, suspended: true });
    expect((await errorOf(signInWithSso({ email, groups: ['all'] }))).userMessage).toBe(NO);
    expect((await errorOf(signInWithSso({ email: `v-${uid()}@${d2}`, groups: ['all'] }))).userMessage).toBe(NO);
    expect(await (await getDb()).user.count({ where: { email: { endsWith: `@${d2}` } } })).toBe(1);
  });
});
