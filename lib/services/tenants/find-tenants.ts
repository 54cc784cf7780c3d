import 'server-only';
// Platform admins' tenant list: search by name or slug, filter by status, paginated, with each tenant's size.
import type { Prisma } from '@/lib/generated/prisma/client';
import { assertCan, type Actor } from '@/lib/policy';
import { ZFindTenantsInput, type TFindTenantsInput } from '@/lib/schemas/admin';
import { parseInput } from '@/lib/server/boundary';
import { getDb } from '@/lib/server/db/client';

export const TENANTS_PAGE_SIZE = 20;

export async function findTenants({ actor, ...raw }: TFindTenantsInput & { actor: Actor }) {
  assertCan(actor, 'tenant.manage');
  const input = parseInput(ZFindTenantsInput, raw);
  const and: Prisma.TenantWhereInput[] = [];
  if (input.q) and.push({ OR: [{ name: { contains: input.q, mode: 'insensitive' } }, { slug: { contains: input.q.toLowerCase() } }] });
  if (input.status === 'active') and.push({ suspendedAt: null });
  if (input.status === 'suspended') and.push({ suspendedAt: { not: null } });
  const where: Prisma.TenantWhereInput = { AND: and };
  const db = await getDb();
  const [total, rows] = await Promise.all([
    db.tenant.count({ where }),
    db.tenant.findMany({
      where, orderBy: [{ slug: 'asc' }], skip: (input.page - 1) * TENANTS_PAGE_SIZE, take: TENANTS_PAGE_SIZE,
      select: { id: true, slug: true, name: true, suspendedAt: true, createdAt: true, _count: { select: { users: true, teams: true, tokens: { where: { revokedAt: null } } } } },
    }),
  ]);
  return {
    total, page: input.page, pageSize: TENANTS_PAGE_SIZE,
    items: rows.map((t) => ({ id: t.id, slug: t.slug, name: t.name, suspendedAt: t.suspendedAt, createdAt: t.createdAt, users: t._count.users, teams: t._count.teams, activeTokens: t._count.tokens })),
  };
}
