import 'server-only';
// Latency p50/p95, calls, errors and cost per tool per tenant, and calls per day, from the audit log.
import { assertCan, canCrossTenants, type Actor } from '@/lib/policy';
import { Prisma } from '@/lib/generated/prisma/client';
import { getDb } from '@/lib/server/db/client';
import type { ToolMetricRow } from '@/lib/schemas/metrics';


export async function findToolMetrics({ actor, days = 14 }: { actor: Actor; days?: number }) {
  assertCan(actor, 'metrics.read');
  const db = await getDb();
  const since = new Date(Date.now() - days * 86_400_000);
  const tenantFilter = canCrossTenants(actor) ? Prisma.empty : Prisma.sql`AND a."tenantId" = ${actor.tenantId ?? '__none__'}`;
  const rows = await db.$queryRaw<{ tenant: string; tool: string; calls: number; errors: number; denied: number; p50: number | null; p95: number | null; cost: number }[]>`
    SELECT t.slug AS tenant, a."toolSlug" AS tool, count(*)::int AS calls,
           count(*) FILTER (WHERE a.outcome = 'error')::int AS errors,
           count(*) FILTER (WHERE a.outcome = 'denied')::int AS denied,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY a."latencyMs") FILTER (WHERE a.outcome = 'success') AS p50,
           percentile_cont(0.95) WITHIN GROUP (ORDER BY a."latencyMs") FILTER (WHERE a.outcome = 'success') AS p95,
           coalesce(sum(a."costMicros"), 0)::int AS cost
      FROM "AuditEvent" a JOIN "Tenant" t ON t.id = a."tenantId"
     WHERE a.action = 'tool.called' AND a."toolSlug" IS NOT NULL AND a."createdAt" >= ${since} ${tenantFilter}
     GROUP BY t.slug, a."toolSlug" ORDER BY t.slug, a."toolSlug"`;
  const daily = await db.$queryRaw<{ day: string; calls: number; errors: number }[]>`
    SELECT to_char(date_trunc('day', a."createdAt"), 'YYYY-MM-DD') AS day, count(*)::int AS calls,
           count(*) FILTER (WHERE a.outcome <> 'success')::int AS errors
      FROM "AuditEvent" a
     WHERE a.action = 'tool.called' AND a."createdAt" >= ${since} ${tenantFilter}
     GROUP BY 1 ORDER BY 1`;
  const metrics: ToolMetricRow[] = rows.map((r) => ({
    tenant: r.tenant, tool: r.tool, calls: r.calls, errors: r.errors, denied: r.denied,
    p50: r.p50 === null ? null : Math.round(Number(r.p50)), p95: r.p95 === null ? null : Math.round(Number(r.p95)), costMicros: r.cost,
  }));
  const total = metrics.reduce((s, m) => s + m.calls, 0);
  const failures = metrics.reduce((s, m) => s + m.errors + m.denied, 0);
  return { metrics, daily, total, failureRate: total ? failures / total : 0, costMicros: metrics.reduce((s, m) => s + m.costMicros, 0), days };
}
