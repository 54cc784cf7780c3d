import 'server-only';
// Checks shared by the user use cases: the target is in the actor's reach (another tenant's user is answered like
// an unknown one), roles within what the actor may grant, teams of the user's tenant, and never zero active
// platform admins.
import { AppError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { TRole } from '@/lib/schemas/identity';
import { ROLE_LABELS } from '@/lib/schemas/identity';
import { assertCan, assignableRoles, canCrossTenants, type Actor } from '@/lib/policy';

export const USER_NOT_FOUND = 'User not found.';

/** The user row, or NOT_FOUND when it does not exist or lies outside the actor's tenant. */
export async function loadUserInReach(tx: Prisma.TransactionClient, actor: Actor, userId: string) {
  assertCan(actor, 'user.manage');
  const user = await tx.user.findUnique({ where: { id: userId }, include: { teams: true, tenant: { select: { slug: true } } } });
  if (!user) throw new AppError('NOT_FOUND', { userMessage: USER_NOT_FOUND });
  if (!canCrossTenants(actor) && (user.tenantId === null || user.tenantId !== actor.tenantId)) throw new AppError('NOT_FOUND', { userMessage: USER_NOT_FOUND });
  return user;
}

export function assertAssignableRoles(actor: Actor, tenantId: string | null, roles: readonly TRole[], current: readonly TRole[] = []): void {
  const allowed = assignableRoles(actor, tenantId);
  // A role the user already holds may stay even if the actor could not grant it (never happens within a tenant).
  const bad = roles.filter((r) => !allowed.includes(r) && !current.includes(r));
  if (bad.length === 0) return;
  const where = tenantId === null ? 'platform staff (no tenant)' : 'a tenant user';
  const msg = `You cannot give ${where} the role ${bad.map((r) => ROLE_LABELS[r]).join(', ')}. Allowed: ${allowed.map((r) => ROLE_LABELS[r]).join(', ') || 'none'}.`;
  throw new AppError('VALIDATION', { userMessage: msg, fieldErrors: { roles: [msg] } });
}

export async function assertTeamsOfTenant(tx: Prisma.TransactionClient, tenantId: string | null, teamIds: readonly string[]): Promise<void> {
  if (teamIds.length === 0) return;
  const msg = tenantId === null ? 'Platform staff belong to no team.' : 'One of the teams does not exist in this tenant.';
  if (tenantId === null) throw new AppError('VALIDATION', { userMessage: msg, fieldErrors: { teamIds: [msg] } });
  const n = await tx.team.count({ where: { tenantId, id: { in: [...teamIds] } } });
  if (n !== teamIds.length) throw new AppError('VALIDATION', { userMessage: msg, fieldErrors: { teamIds: [msg] } });
}

// Serialises every change that could take away a platform admin, so two admins demoting each other at once
// cannot both succeed (the second sees the first's commit).
const LAST_ADMIN_LOCK = 715_001;

/** Refuses a change after which no active platform admin would remain. */
export async function assertKeepsAPlatformAdmin(
  tx: Prisma.TransactionClient,
  user: { id: string; roles: TRole[]; disabled: boolean; tenantId: string | null },
  after: { roles: readonly TRole[]; disabled: boolean },
): Promise<void> {
  const isNow = user.tenantId === null && !user.disabled && user.roles.includes('platform_admin');
  const isAfter = !after.disabled && after.roles.includes('platform_admin');
  if (!isNow || isAfter) return;
  await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${LAST_ADMIN_LOCK})`);
  const others = await tx.user.count({ where: { id: { not: user.id }, tenantId: null, disabled: false, roles: { has: 'platform_admin' } } });
  if (others === 0) {
    throw new AppError('INVALID_STATE', { userMessage: 'This is the last active platform admin: make someone else a platform admin first.' });
  }
}

/** What an admin may read about a user: never the password hash. */
export function userDto(u: { id: string; email: string; name: string; tenantId: string | null; roles: TRole[]; disabled: boolean; passwordHash: string | null; lastLoginAt: Date | null; createdAt: Date; teams: { teamId: string }[] }) {
  return {
    id: u.id, email: u.email, name: u.name, tenantId: u.tenantId, roles: u.roles, teamIds: u.teams.map((t) => t.teamId),
    status: u.disabled ? ('deactivated' as const) : u.passwordHash || u.lastLoginAt ? ('active' as const) : ('invited' as const),
    lastLoginAt: u.lastLoginAt, createdAt: u.createdAt,
  };
}
export type UserDto = ReturnType<typeof userDto>;
