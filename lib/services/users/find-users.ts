import 'server-only';
// The admin's user list: search by name or email, filter by role and status, paginated. Tenant admins see only
// their tenant's users; platform admins see everyone, optionally one tenant's.
import type { Prisma } from '@/lib/generated/prisma/client';
import { assertCan, canCrossTenants, type Actor } from '@/lib/policy';
import { ZFindUsersInput, type TFindUsersInput } from '@/lib/schemas/admin';
import { parseInput } from '@/lib/server/boundary';
import { getDb } from '@/lib/server/db/client';
import { userDto } from './shared';

export const USERS_PAGE_SIZE = 20;

export async function findUsers({ actor, ...raw }: TFindUsersInput & { actor: Actor }) {
  assertCan(actor, 'user.manage');
  const input = parseInput(ZFindUsersInput, raw);
  const tenantId = canCrossTenants(actor) ? input.tenantId : (actor.tenantId ?? '__none__');
  const and: Prisma.UserWhereInput[] = [];
  if (tenantId !== undefined) and.push({ tenantId });
  if (input.q) and.push({ OR: [{ email: { contains: input.q, mode: 'insensitive' } }, { name: { contains: input.q, mode: 'insensitive' } }] });
  if (input.role) and.push({ roles: { has: input.role } });
  if (input.status === 'deactivated') and.push({ disabled: true });
  if (input.status === 'active') and.push({ disabled: false, OR: [{ passwordHash: { not: null } }, { lastLoginAt: { not: null } }] });
  if (input.status === 'invited') and.push({ disabled: false, passwordHash: null, lastLoginAt: null });
  const where: Prisma.UserWhereInput = { AND: and };
  const db = await getDb();
  const [total, rows] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where, orderBy: [{ email: 'asc' }, { id: 'asc' }], skip: (input.page - 1) * USERS_PAGE_SIZE, take: USERS_PAGE_SIZE,
      include: { teams: { include: { team: { select: { name: true } } } }, tenant: { select: { slug: true, name: true } } },
    }),
  ]);
  return {
    total, page: input.page, pageSize: USERS_PAGE_SIZE,
    items: rows.map((u) => ({ ...userDto(u), teamNames: u.teams.map((t) => t.team.name).sort(), tenantSlug: u.tenant?.slug ?? null, tenantName: u.tenant?.name ?? null })),
  };
}
