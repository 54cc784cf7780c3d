import 'server-only';
// Usage bookkeeping of every authenticated /mcp request (http.ts). Latency, bytes and cost of calls are on their audit
// records (the metrics pages aggregate them); here the token's "last used" is refreshed at most once a minute, and
// expired rate counters are swept at the same moment. Best effort: never fails a request.
import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { McpCaller } from './authenticate';

const TOUCH_EVERY_MS = 60_000;
/** Compute cost when a tool reports none: micro-units per millisecond of execution. */
export const DEFAULT_COST_MICROS_PER_MS = 2;

// When this process last refreshed each token: the cached token row (authentication cache) still shows the old
// lastUsedAt for up to MCP_POLICY_CACHE_MS after a refresh, and every call in that window would send its own no-op update.
const touchedAt = new Map<string, number>();

export function touchToken(db: PrismaClient, caller: McpCaller, now = new Date()): void {
  const last = Math.max(caller.lastUsedAt?.getTime() ?? 0, touchedAt.get(caller.tokenId) ?? 0);
  if (now.getTime() - last < TOUCH_EVERY_MS) return;
  if (touchedAt.size > 10_000) touchedAt.clear();
  touchedAt.set(caller.tokenId, now.getTime());
  const before = new Date(now.getTime() - TOUCH_EVERY_MS);
  void db.agentToken
    .updateMany({ where: { id: caller.tokenId, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: before } }] }, data: { lastUsedAt: now } })
    .then((r) => (r.count > 0 ? db.rateCounter.deleteMany({ where: { expiresAt: { lt: now } } }) : null))
    .catch((e: unknown) => console.error('[mcp] usage bookkeeping failed', e));
}
