import 'server-only';
// KPI "time-to-integrate": from a tool request's first submission to the first successful call of the tool it
// published, in the request's tenant (MetricFirstCall, kept by the rollup). Median and p90 over the requests that got
// there in the last `days` days, and the monthly median (trend) over the last six months. Tenant members see their
// tenant's requests. A tool already called before the request was submitted does not count (negative span).
import { Prisma } from '@/lib/generated/prisma/client';
import { assertCan, canCrossTenants, type Actor } from '@/lib/policy';
import { getDb } from '@/lib/server/db/client';
import type { TimeToIntegrate } from '@/lib/schemas/metrics';

export type { TimeToIntegrate };


/** Linear-interpolated quantile (PostgreSQL's percentile_cont) of sorted values. */
export function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export async function findTimeToIntegrate({ actor, days = 90, now = Date.now() }: { actor: Actor; days?: number; now?: number }): Promise<TimeToIntegrate> {
  assertCan(actor, 'metrics.read');
  const db = await getDb();
  const tenant = canCrossTenants(actor) ? Prisma.empty : Prisma.sql`AND r."tenantId" = ${actor.tenantId ?? '__none__'}`;
  const spans = await db.$queryRaw<{ done: Date | null; hours: number | null; status: string }[]>`
    WITH first_submit AS (
      SELECT "requestId", min("createdAt") AS at FROM "ToolRequestEvent" WHERE type = 'submitted' GROUP BY "requestId"
    )
    SELECT f."firstSuccessAt" AS done, r.status::text AS status,
           (extract(epoch FROM (f."firstSuccessAt" - coalesce(s.at, r."submittedAt"))) / 3600.0)::float8 AS hours
      FROM "ToolRequest" r JOIN "Tool" t ON t.id = r."toolId"
      LEFT JOIN first_submit s ON s."requestId" = r.id
      LEFT JOIN "MetricFirstCall" f ON f."tenantId" = r."tenantId" AND f."toolSlug" = t.slug
     WHERE coalesce(s.at, r."submittedAt") IS NOT NULL ${tenant}`;
  const since = now - days * 86_400_000;
  const done = spans.filter((s): s is { done: Date; hours: number; status: string } => s.done !== null && s.hours !== null && s.hours >= 0);
  const recent = done.filter((s) => s.done.getTime() >= since).map((s) => s.hours).sort((a, b) => a - b);

  const d = new Date(now);
  const trend = Array.from({ length: 6 }, (_, i) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 5 + i, 1)).toISOString().slice(0, 7)).map((month) => {
    const hours = done.filter((s) => s.done.toISOString().slice(0, 7) === month).map((s) => s.hours).sort((a, b) => a - b);
    return { month, medianHours: quantile(hours, 0.5), integrated: hours.length };
  });
  return {
    days, medianHours: quantile(recent, 0.5), p90Hours: quantile(recent, 0.9), integrated: recent.length,
    waiting: spans.filter((s) => s.done === null && s.status === 'published').length, trend,
  };
}
