import 'server-only';
// Reads the metric rollups (never the raw audit events) for the Metrics page's services, scoped to what the actor
// may see: platform admins, auditors and reviewers every tenant, everyone else their own.
import { Prisma } from '@/lib/generated/prisma/client';
import { canCrossTenants, type Actor } from '@/lib/policy';
import { getDb } from '@/lib/server/db/client';
import type { TMetricsWindow } from '@/lib/schemas/metrics';

export type Grain = '5m' | '1h' | '1d';
const MIN = 60_000;
const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;

/** Which grain each window reads, its span and the step of its time series. */
export const WINDOWS: Record<TMetricsWindow, { grain: Grain; spanMs: number; stepMs: number; grainLabel: string; stepLabel: string }> = {
  '1h': { grain: '5m', spanMs: HOUR, stepMs: 5 * MIN, grainLabel: '5-minute buckets', stepLabel: '5 minutes' },
  '24h': { grain: '1h', spanMs: DAY, stepMs: HOUR, grainLabel: 'hourly buckets', stepLabel: 'hour' },
  '7d': { grain: '1d', spanMs: 7 * DAY, stepMs: DAY, grainLabel: 'daily buckets (UTC days)', stepLabel: 'day' },
  '30d': { grain: '1d', spanMs: 30 * DAY, stepMs: DAY, grainLabel: 'daily buckets (UTC days)', stepLabel: 'day' },
};

/** Start of the first bucket of a window: the window is covered whole, plus at most the part of one bucket. */
export function windowStart(window: TMetricsWindow, now: number): Date {
  const w = WINDOWS[window];
  return new Date(Math.floor((now - w.spanMs) / w.stepMs) * w.stepMs);
}

export interface RollupRow {
  tenantId: string;
  tenant: string;
  tenantName: string;
  tool: string;
  bucketStart: Date;
  calls: number;
  successes: number;
  errors: number;
  denied: number;
  held: number;
  untraced: number;
  cost: number;
  hist: number[];
}

export function tenantFilter(actor: Actor, column: Prisma.Sql): Prisma.Sql {
  return canCrossTenants(actor) ? Prisma.empty : Prisma.sql`AND ${column} = ${actor.tenantId ?? '__none__'}`;
}

export async function readRollups(actor: Actor, grain: Grain, since: Date): Promise<RollupRow[]> {
  const db = await getDb();
  return db.$queryRaw<RollupRow[]>`
    SELECT r."tenantId", t.slug AS tenant, t.name AS "tenantName", r."toolSlug" AS tool, r."bucketStart", r.calls, r.successes, r.errors,
           r.denied, r.held, r.untraced, r."costMicros"::float8 AS cost, r."latencyHist" AS hist
      FROM "MetricRollup" r JOIN "Tenant" t ON t.id = r."tenantId"
     WHERE r.grain = ${grain} AND r."bucketStart" >= ${since} ${tenantFilter(actor, Prisma.sql`r."tenantId"`)}`;
}

/** The calls that ran (successes and errors): the error rate's and the latency's population. */
export const ran = (r: { successes: number; errors: number }) => r.successes + r.errors;
