import 'server-only';
// KPI "time-to-integrate": from a request's first submission to the first activation of the tool it published,
// median over the requests of the last `days` days that got there. Tenant members see their tenant's requests.
import { Prisma } from '@/lib/generated/prisma/client';
import { assertCan, canCrossTenants, type Actor } from '@/lib/policy';
import { getDb } from '@/lib/server/db/client';

export interface TimeToIntegrate {
  days: number;
  /** Median in hours; null when no request reached activation. */
  medianHours: number | null;
  p90Hours: number | null;
  integrated: number;
  /** Published but not activated yet (the clock is still running). */
  waiting: number;
}

export async function findTimeToIntegrate({ actor, days = 90 }: { actor: Actor; days?: number }): Promise<TimeToIntegrate> {
  assertCan(actor, 'metrics.read');
  const db = await getDb();
  const since = new Date(Date.now() - days * 86_400_000);
  const tenant = canCrossTenants(actor) ? Prisma.empty : Prisma.sql`AND r."tenantId" = ${actor.tenantId ?? '__none__'}`;
  const [row] = await db.$queryRaw<{ median: number | null; p90: number | null; integrated: number; waiting: number }[]>`
    WITH first_submit AS (
      SELECT "requestId", min("createdAt") AS at FROM "ToolRequestEvent" WHERE type = 'submitted' GROUP BY "requestId"
    ), spans AS (
      SELECT r."firstActivatedAt", r.status, r."publishedAt",
             extract(epoch FROM (r."firstActivatedAt" - coalesce(s.at, r."submittedAt"))) / 3600.0 AS hours
        FROM "ToolRequest" r LEFT JOIN first_submit s ON s."requestId" = r.id
       WHERE coalesce(s.at, r."submittedAt") IS NOT NULL ${tenant}
    )
    SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY hours) FILTER (WHERE "firstActivatedAt" >= ${since} AND hours >= 0) AS median,
           percentile_cont(0.9) WITHIN GROUP (ORDER BY hours) FILTER (WHERE "firstActivatedAt" >= ${since} AND hours >= 0) AS p90,
           count(*) FILTER (WHERE "firstActivatedAt" >= ${since} AND hours >= 0)::int AS integrated,
           count(*) FILTER (WHERE "firstActivatedAt" IS NULL AND status = 'published')::int AS waiting
      FROM spans`;
  const num = (v: number | null | undefined) => (v === null || v === undefined ? null : Number(v));
  return { days, medianHours: num(row?.median), p90Hours: num(row?.p90), integrated: row?.integrated ?? 0, waiting: row?.waiting ?? 0 };
}
