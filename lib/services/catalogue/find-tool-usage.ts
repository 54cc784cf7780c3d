import 'server-only';
// Usage and measured SLO of one tool, from the audit log of its calls. A tenant member sees only its tenant's
// figures; platform staff see every tenant, with the per-tenant breakdown and where the tool is activated.
import { Prisma } from '@/lib/generated/prisma/client';
import { assertCan, canCrossTenants, type Actor } from '@/lib/policy';
import { getDb } from '@/lib/server/db/client';

export interface ToolUsage {
  days: number;
  scope: 'all_tenants' | 'my_tenant';
  calls: number;
  errors: number;
  denied: number;
  p50: number | null;
  p95: number | null;
  /** successes / (successes + errors); denials are policy decisions, not failures of the tool. Null without calls. */
  successRate: number | null;
  tenantsUsing: number;
  tenantsActivated: number | null;
  perTenant: { tenant: string; calls: number; errors: number; p95: number | null }[];
}

type Row = { grand: number; tenant: string | null; calls: number; errors: number; denied: number; successes: number; p50: number | null; p95: number | null };

export async function findToolUsage({ actor, toolId, slug, days = 30 }: { actor: Actor; toolId: string; slug: string; days?: number }): Promise<ToolUsage> {
  assertCan(actor, 'catalogue.read');
  const db = await getDb();
  const all = canCrossTenants(actor);
  const since = new Date(Date.now() - days * 86_400_000);
  const tenantFilter = all ? Prisma.empty : Prisma.sql`AND a."tenantId" = ${actor.tenantId ?? '__none__'}`;
  const rows = await db.$queryRaw<Row[]>`
    SELECT GROUPING(t.slug)::int AS grand, t.slug AS tenant, count(*)::int AS calls,
           count(*) FILTER (WHERE a.outcome = 'error')::int AS errors,
           count(*) FILTER (WHERE a.outcome = 'denied')::int AS denied,
           count(*) FILTER (WHERE a.outcome = 'success')::int AS successes,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY a."latencyMs") FILTER (WHERE a.outcome = 'success') AS p50,
           percentile_cont(0.95) WITHIN GROUP (ORDER BY a."latencyMs") FILTER (WHERE a.outcome = 'success') AS p95
      FROM "AuditEvent" a LEFT JOIN "Tenant" t ON t.id = a."tenantId"
     WHERE a.action = 'tool.called' AND a."toolSlug" = ${slug} AND a."createdAt" >= ${since} ${tenantFilter}
     GROUP BY ROLLUP (t.slug)`;
  const total = rows.find((r) => r.grand === 1) ?? null;
  const perTenant = rows.filter((r) => r.grand === 0);
  const activated = all
    ? (await db.toolActivation.findMany({ where: { toolId, enabled: true }, distinct: ['tenantId'], select: { tenantId: true } })).length
    : null;
  const n = (v: number | null | undefined) => (v === null || v === undefined ? null : Math.round(Number(v)));
  const successes = total?.successes ?? 0;
  const errors = total?.errors ?? 0;
  return {
    days, scope: all ? 'all_tenants' : 'my_tenant', calls: total?.calls ?? 0, errors, denied: total?.denied ?? 0, p50: n(total?.p50), p95: n(total?.p95),
    successRate: successes + errors > 0 ? successes / (successes + errors) : null,
    tenantsUsing: perTenant.filter((r) => r.calls > 0).length, tenantsActivated: activated,
    perTenant: all ? perTenant.map((r) => ({ tenant: r.tenant ?? '—', calls: r.calls, errors: r.errors, p95: n(r.p95) })) : [],
  };
}
