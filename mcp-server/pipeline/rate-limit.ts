import 'server-only';
// Step 4: limits and quotas, exact across replicas. Fixed windows (minute, day) counted in the database with one
// atomic upsert for every applicable key (tenant × tool, and the token's own limits), shared by the calls this
// process is counting at the same moment (hot-sql.ts). A call over any limit is refused, and its units are given
// back so a refused call consumes nothing.
import { rateCounterKey, rateWindowStart, RATE_WINDOWS, type RateWindow, type ToolAccess } from '@/lib/activation';
import type pg from 'pg';
import { claimCounters, lastSeenCount } from './hot-sql';
import type { McpCaller } from './authenticate';

export interface LimitCheck {
  key: string;
  window: RateWindow;
  limit: number;
  windowStart: Date;
  /** What the limit is, for the refusal message (built only when a call is refused). */
  label: () => string;
}

export type RateDecision = { ok: true } | { ok: false; label: string; limit: number; retryAfterSeconds: number };

export function limitChecks(caller: McpCaller, access: ToolAccess, now: Date): LimitCheck[] {
  const checks: LimitCheck[] = [];
  const add = (kind: 'tenant_tool' | 'token', window: RateWindow, limit: number | null, label: () => string) => {
    if (limit === null) return;
    const id = kind === 'token' ? { tokenId: caller.tokenId } : { tenantId: caller.tenant.id, toolId: access.toolId };
    checks.push({ key: rateCounterKey(kind, id, window), window, limit, windowStart: rateWindowStart(now, window), label });
  };
  const t = access.limits.tenantTool;
  add('tenant_tool', 'minute', t.requestsPerMinute, () => `${t.requestsPerMinute} requests per minute for ${access.slug} in tenant ${caller.tenant.slug}`);
  add('tenant_tool', 'day', t.callsPerDay, () => `${t.callsPerDay} calls per day for ${access.slug} in tenant ${caller.tenant.slug}`);
  add('token', 'minute', caller.limits.requestsPerMinute, () => `${caller.limits.requestsPerMinute} requests per minute for token ${caller.tokenName}`);
  add('token', 'day', caller.limits.callsPerDay, () => `${caller.limits.callsPerDay} calls per day for token ${caller.tokenName}`);
  return checks;
}

export async function consumeRateLimits(pool: pg.Pool, checks: LimitCheck[], now = new Date()): Promise<RateDecision> {
  if (checks.length === 0) return { ok: true };
  const full = await claimCounters(pool, checks.map((c) => ({ key: c.key, windowStart: c.windowStart, expiresAt: new Date(c.windowStart.getTime() + 2 * RATE_WINDOWS[c.window]), limit: c.limit })));
  if (full < 0) return { ok: true };
  const over = checks[full]!;
  const retryAfterSeconds = Math.max(1, Math.ceil((over.windowStart.getTime() + RATE_WINDOWS[over.window] - now.getTime()) / 1000));
  return { ok: false, label: over.label(), limit: over.limit, retryAfterSeconds };
}

const FAR_HEADROOM = 100;

/**
 * Whether every counter of a call was, at this process's latest look, far from its limit: at most half of it used
 * and at least FAR_HEADROOM calls left. Only then may a read-only tool start while its claim is being counted
 * (call-tool.ts); near a limit, or for a counter this process has not seen yet, the claim always comes first.
 */
export function farFromLimits(pool: pg.Pool, checks: LimitCheck[]): boolean {
  return checks.length > 0 && checks.every((c) => {
    const seen = lastSeenCount(pool, c);
    return seen !== undefined && seen <= c.limit / 2 && c.limit - seen >= FAR_HEADROOM;
  });
}
