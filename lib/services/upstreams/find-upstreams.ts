import 'server-only';
// The upstream servers an actor may see (platform staff: all; a tenant admin: platform-wide ones and their
// tenant's), with health and their catalogue tools; searchable, filterable by status, paginated.
import { canCrossTenants, assertCan, type Actor } from '@/lib/policy';
import { ZToolConfig } from '@/lib/schemas/tool-config';
import { UPSTREAM_STATUSES, ZUpstreamDiscovery, ZUpstreamFilters, type TUpstreamDto, type TUpstreamFilters } from '@/lib/schemas/upstreams';
import { parseInput } from '@/lib/server/boundary';
import { getDb } from '@/lib/server/db/client';

export const UPSTREAMS_PAGE_SIZE = 20;

export async function findUpstreams({ actor, ...raw }: Partial<TUpstreamFilters> & { actor: Actor }): Promise<{ rows: TUpstreamDto[]; total: number; page: number; pageSize: number }> {
  assertCan(actor, 'upstream.read');
  const f = parseInput(ZUpstreamFilters, raw);
  const db = await getDb();
  const where = {
    namespace: { not: null },
    ...(canCrossTenants(actor) ? {} : { OR: [{ tenantId: null }, { tenantId: actor.tenantId ?? '__none__' }] }),
    ...(f.status ? { status: f.status } : {}),
    ...(f.q ? { AND: [{ OR: [{ name: { contains: f.q, mode: 'insensitive' as const } }, { namespace: { contains: f.q.toLowerCase() } }, { url: { contains: f.q, mode: 'insensitive' as const } }] }] } : {}),
  };
  const [total, rows] = await Promise.all([
    db.upstreamServer.count({ where }),
    db.upstreamServer.findMany({
      where, orderBy: [{ name: 'asc' }, { id: 'asc' }], skip: (f.page - 1) * UPSTREAMS_PAGE_SIZE, take: UPSTREAMS_PAGE_SIZE,
      include: { tenant: { select: { name: true } }, tools: { select: { slug: true, lifecycle: true, servedVersion: true, config: true }, orderBy: { slug: 'asc' } } },
    }),
  ]);
  return { rows: rows.map(toDto), total, page: f.page, pageSize: UPSTREAMS_PAGE_SIZE };
}

type Row = Awaited<ReturnType<Awaited<ReturnType<typeof getDb>>['upstreamServer']['findMany']>>[number] & {
  tenant: { name: string } | null;
  tools: { slug: string; lifecycle: string; servedVersion: number; config: unknown }[];
};

export function toDto(r: Row): TUpstreamDto {
  const discovery = ZUpstreamDiscovery.safeParse(r.discovery);
  return {
    id: r.id, tenantId: r.tenantId, tenantName: r.tenant?.name ?? null, name: r.name, namespace: r.namespace ?? '', url: r.url, description: r.description,
    timeoutMs: r.timeoutMs, secretName: r.secretName, status: (UPSTREAM_STATUSES as readonly string[]).includes(r.status) ? (r.status as TUpstreamDto['status']) : 'pending',
    latencyMs: r.latencyMs, lastCheckedAt: r.lastCheckedAt?.toISOString() ?? null, lastError: r.lastError,
    discovery: discovery.success ? discovery.data : { tools: [], resources: [], resourceTemplates: [], prompts: [] },
    tools: r.tools.map((t) => {
      const c = ZToolConfig.safeParse(t.config);
      const up = c.success && c.data.kind === 'upstream_mcp' ? c.data : null;
      return { slug: t.slug, remoteName: up?.remoteName ?? t.slug, lifecycle: t.lifecycle, servedVersion: t.servedVersion, quarantined: Boolean(up?.quarantined) };
    }),
  };
}
