import 'server-only';
// The trusted internal hosts an actor may see: platform staff all, a tenant admin the platform-wide ones and their
// tenant's. Searchable and paginated.
import { assertCan, canCrossTenants, type Actor } from '@/lib/policy';
import { ZTrustedHostDto, type TTrustedHostDto } from '@/lib/schemas/trusted-hosts';
import { getDb } from '@/lib/server/db/client';

export const TRUSTED_HOSTS_PAGE_SIZE = 25;

export async function findTrustedHosts({ actor, q = '', page = 1 }: { actor: Actor; q?: string; page?: number }): Promise<{ rows: TTrustedHostDto[]; total: number; page: number; pageSize: number }> {
  assertCan(actor, 'trusted_host.read');
  const db = await getDb();
  const query = q.trim().toLowerCase().slice(0, 100);
  const safePage = Number.isInteger(page) && page > 0 ? page : 1;
  const where = {
    ...(canCrossTenants(actor) ? {} : { OR: [{ tenantId: null }, { tenantId: actor.tenantId ?? '__none__' }] }),
    ...(query ? { AND: [{ OR: [{ pattern: { contains: query } }, { note: { contains: query, mode: 'insensitive' as const } }] }] } : {}),
  };
  const [total, rows] = await Promise.all([
    db.trustedHost.count({ where }),
    db.trustedHost.findMany({ where, orderBy: [{ pattern: 'asc' }, { id: 'asc' }], skip: (safePage - 1) * TRUSTED_HOSTS_PAGE_SIZE, take: TRUSTED_HOSTS_PAGE_SIZE, include: { tenant: { select: { name: true } } } }),
  ]);
  return {
    rows: rows.map((r) => ZTrustedHostDto.parse({ id: r.id, tenantId: r.tenantId, tenantName: r.tenant?.name ?? null, pattern: r.pattern, note: r.note, createdAt: r.createdAt.toISOString() })),
    total, page: safePage, pageSize: TRUSTED_HOSTS_PAGE_SIZE,
  };
}
