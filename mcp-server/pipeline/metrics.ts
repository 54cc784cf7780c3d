import 'server-only';
// Step 9: usage bookkeeping after the call. Latency, bytes and cost are already on the audit record (the metrics
// pages aggregate it); here the token's "last used" is refreshed at most once a minute, and expired rate counters
// are swept at the same moment. Best effort: never fails a call.
import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { McpCaller } from './authenticate';

const TOUCH_EVERY_MS = 60_000;
/** Compute cost when a tool reports none: micro-units per millisecond of execution. */
export const DEFAULT_COST_MICROS_PER_MS = 2;

export function touchToken(db: PrismaClient, caller: McpCaller, now = new Date()): void {
  if (caller.lastUsedAt && now.getTime() - caller.lastUsedAt.getTime() < TOUCH_EVERY_MS) return;
  const before = new Date(now.getTime() - TOUCH_EVERY_MS);
  void db.agentToken
    .updateMany({ where: { id: caller.tokenId, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: before } }] }, data: { lastUsedAt: now } })
    .then((r) => (r.count > 0 ? db.rateCounter.deleteMany({ where: { expiresAt: { lt: now } } }) : null))
    .catch((e: unknown) => console.error('[mcp] usage bookkeeping failed', e));
}
