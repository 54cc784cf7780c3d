import 'server-only';
// An OpenID Connect sign-in. A known user signs in as themselves (refused when deactivated or the tenant is
// suspended) and, for tenant users, their mapped roles and teams are re-applied from the group claim (see
// sso-mapping.ts). An unknown user whose email domain belongs to a tenant's SSO domains is provisioned there with
// the roles and teams of their groups, but only when at least one group matches. Every change is audited.
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/policy';
import { writeAudit } from '@/lib/server/audit';
import { getDb } from '@/lib/server/db/client';
import { newRequestId } from '@/lib/server/ids';
import { applySsoMapping, groupsOfClaim } from './sso-mapping';

const SSO_ACTOR: Actor = { kind: 'system', id: 'sso', label: 'sso', tenantId: null, teamIds: [], roles: [], via: 'portal', ip: null };
const NO_ACCESS = 'No active account for this identity. Ask an administrator.';

export interface SsoProfile {
  email: string;
  name?: string | null;
  emailVerified?: boolean | null;
  groups?: unknown;
}

export async function signInWithSso(profile: SsoProfile, now = new Date()): Promise<{ id: string; email: string; name: string }> {
  const email = profile.email.trim().toLowerCase();
  if (!email || profile.emailVerified === false) throw new AppError('UNAUTHENTICATED', { userMessage: NO_ACCESS });
  const groups = groupsOfClaim(profile.groups);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email }, include: { teams: true, tenant: { select: { suspendedAt: true } } } });
    if (existing) {
      if (existing.disabled || existing.tenant?.suspendedAt) throw new AppError('UNAUTHENTICATED', { userMessage: NO_ACCESS });
      let data: { lastLoginAt: Date; roles?: typeof existing.roles } = { lastLoginAt: now };
      if (existing.tenantId) {
        const rules = await tx.ssoGroupMapping.findMany({ where: { tenantId: existing.tenantId }, select: { group: true, role: true, teamId: true } });
        const before = { roles: [...existing.roles].sort(), teamIds: existing.teams.map((t) => t.teamId).sort() };
        const after = applySsoMapping(rules, groups, before);
        if (JSON.stringify(before) !== JSON.stringify({ roles: after.roles, teamIds: after.teamIds })) {
          data = { ...data, roles: after.roles };
          await tx.teamMember.deleteMany({ where: { userId: existing.id, teamId: { notIn: after.teamIds } } });
          await tx.teamMember.createMany({ data: after.teamIds.filter((t) => !before.teamIds.includes(t)).map((teamId) => ({ teamId, userId: existing.id })) });
          await writeAudit(tx, SSO_ACTOR, {
            requestId: newRequestId(), tenantId: existing.tenantId, action: 'user.sso_synced', resourceType: 'user', resourceId: existing.id,
            details: { email, groups: after.matchedGroups, before, after: { roles: after.roles, teamIds: after.teamIds } },
          });
        }
      }
      await tx.user.update({ where: { id: existing.id }, data });
      return { id: existing.id, email: existing.email, name: existing.name };
    }
    const domain = email.slice(email.lastIndexOf('@') + 1);
    const tenant = await tx.tenant.findFirst({ where: { ssoDomains: { has: domain } }, select: { id: true, slug: true, suspendedAt: true } });
    if (!tenant || tenant.suspendedAt) throw new AppError('UNAUTHENTICATED', { userMessage: NO_ACCESS });
    const rules = await tx.ssoGroupMapping.findMany({ where: { tenantId: tenant.id }, select: { group: true, role: true, teamId: true } });
    const given = applySsoMapping(rules, groups, null);
    if (given.matchedGroups.length === 0) throw new AppError('UNAUTHENTICATED', { userMessage: NO_ACCESS });
    const name = profile.name?.trim().slice(0, 100) || email;
    const user = await tx.user.create({
      data: { email, name, tenantId: tenant.id, roles: given.roles, lastLoginAt: now, teams: { create: given.teamIds.map((teamId) => ({ teamId })) } },
    });
    await writeAudit(tx, SSO_ACTOR, {
      requestId: newRequestId(), tenantId: tenant.id, action: 'user.sso_provisioned', resourceType: 'user', resourceId: user.id,
      details: { email, groups: given.matchedGroups, roles: given.roles, teamIds: given.teamIds }, resourcesTouched: [`tenant:${tenant.slug}`],
    });
    return { id: user.id, email: user.email, name: user.name };
  });
}
