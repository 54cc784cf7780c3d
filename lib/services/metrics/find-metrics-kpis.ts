import 'server-only';
// The plan's KPIs over a window, from the rollups: tool reuse (tools with successful calls from 2+ tenants or 2+
// agents), human escalation rate (held calls / calls), cost per automated task (calls sharing a trace id are one
// task, a call without one is a task of its own). Time-to-integrate and incidents have their own services.
import { Prisma } from '@/lib/generated/prisma/client';
import { assertCan, type Actor } from '@/lib/policy';
import type { MetricsKpis, TMetricsWindow } from '@/lib/schemas/metrics';
import { getDb } from '@/lib/server/db/client';
import { tenantFilter, WINDOWS, windowStart } from './rollup-rows';

const HOUR = 3_600_000;

export async function findMetricsKpis({ actor, window, now = Date.now() }: { actor: Actor; window: TMetricsWindow; now?: number }): Promise<MetricsKpis> {
  assertCan(actor, 'metrics.read');
  const db = await getDb();
  const since = windowStart(window, now);
  const hourSince = new Date(Math.floor((now - WINDOWS[window].spanMs) / HOUR) * HOUR);

  const reuseRows = await db.$queryRaw<{ tool: string; tenants: number; agents: number }[]>`
    SELECT "toolSlug" AS tool, count(DISTINCT "tenantId")::int AS tenants, count(DISTINCT "actorId")::int AS agents
      FROM "MetricActorRollup"
     WHERE "hourStart" >= ${hourSince} AND successes > 0 AND "toolSlug" <> '(not resolved)' ${tenantFilter(actor, Prisma.sql`"tenantId"`)}
     GROUP BY 1 ORDER BY 1`;
  const [sums] = await db.$queryRaw<{ calls: number; held: number; untraced: number; cost: number }[]>`
    SELECT coalesce(sum(calls), 0)::int AS calls, coalesce(sum(held), 0)::int AS held, coalesce(sum(untraced), 0)::int AS untraced,
           coalesce(sum("costMicros"), 0)::float8 AS cost
      FROM "MetricRollup" WHERE grain = ${WINDOWS[window].grain} AND "bucketStart" >= ${since} ${tenantFilter(actor, Prisma.sql`"tenantId"`)}`;
  const [traces] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM "MetricTask" WHERE "firstAt" >= ${since} ${tenantFilter(actor, Prisma.sql`"tenantId"`)}`;

  const calls = sums?.calls ?? 0;
  const held = sums?.held ?? 0;
  const untraced = sums?.untraced ?? 0;
  const costMicros = sums?.cost ?? 0;
  const traced = traces?.n ?? 0;
  const tasks = traced + untraced;
  const tools = reuseRows.filter((r) => r.tenants >= 2 || r.agents >= 2);
  return {
    window,
    reuse: { reused: tools.length, used: reuseRows.length, tools },
    escalation: { held, calls, rate: calls > 0 ? held / calls : null },
    costPerTask: { costMicros, tasks, traced, untraced, perTaskMicros: tasks > 0 ? costMicros / tasks : null },
  };
}
