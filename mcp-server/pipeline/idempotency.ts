import 'server-only';
// Idempotency keys: a call sent with `Idempotency-Key` (HTTP header) or `_meta.idempotencyKey` that repeats within
// 24 h for the same token returns what the first call got — the same held approval, or the same result without
// running again — and the same key with other arguments (or another tool) is refused. The key is claimed before
// the call runs (a unique row), completed with its outcome, and released if the call ends without one (refused,
// failed), so a retry after a failure can run.
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { ZToolCallResult, type TToolCallResult } from '@/lib/schemas/approvals';
import { sha256 } from '@/lib/server/crypto';
import { canonicalJson } from '@/lib/tool-definition';
import { pgError } from '@/mcp-server/tools/shared';

export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;
const KEY = /^[\x21-\x7e]{1,200}$/;

export type Replay =
  | { kind: 'new'; key: string }
  | { kind: 'approval'; approvalId: string }
  | { kind: 'result'; result: TToolCallResult }
  | { kind: 'refused'; message: string };

/** Keys under this prefix are the platform's own (completed MCP tasks, mcp-server/tasks/immediate-tasks.ts). */
const RESERVED_PREFIX = 'mcp-task:';

export function invalidKeyMessage(key: string): string | null {
  if (!KEY.test(key)) return 'The idempotency key must be 1 to 200 visible ASCII characters (no spaces).';
  return key.startsWith(RESERVED_PREFIX) ? `Idempotency keys starting with "${RESERVED_PREFIX}" are reserved; choose another key.` : null;
}

export const argumentsHash = (args: Record<string, unknown>) => sha256(canonicalJson(args));

export async function claimIdempotencyKey(db: PrismaClient, tokenId: string, key: string, toolSlug: string, hash: string, now = new Date()): Promise<Replay> {
  await db.idempotencyRecord.deleteMany({ where: { tokenId, key, expiresAt: { lte: now } } });
  try {
    await db.idempotencyRecord.create({ data: { tokenId, key, toolSlug, argumentsHash: hash, expiresAt: new Date(now.getTime() + IDEMPOTENCY_TTL_MS) } });
    return { kind: 'new', key };
  } catch (e) {
    if (pgError(e)?.code !== '23505') throw e;
  }
  const prior = await db.idempotencyRecord.findUnique({ where: { tokenId_key: { tokenId, key } } });
  if (!prior) return { kind: 'refused', message: `A call with idempotency key "${key}" was just released; send it again.` };
  if (prior.toolSlug !== toolSlug || prior.argumentsHash !== hash) {
    return { kind: 'refused', message: `Idempotency key "${key}" was already used in the last 24 h for ${prior.toolSlug === toolSlug ? 'other arguments' : `another tool (${prior.toolSlug})`}. Send a new key for a new call, or the same arguments to get the first call's answer.` };
  }
  if (prior.approvalId) return { kind: 'approval', approvalId: prior.approvalId };
  const result = ZToolCallResult.safeParse(prior.result);
  if (result.success) return { kind: 'result', result: result.data };
  return { kind: 'refused', message: `A call with idempotency key "${key}" is still running; wait for its answer instead of sending it again.` };
}

export async function completeIdempotencyKey(db: PrismaClient | Prisma.TransactionClient, tokenId: string, key: string, outcome: { approvalId: string } | { result: TToolCallResult }): Promise<void> {
  await db.idempotencyRecord.update({ where: { tokenId_key: { tokenId, key } }, data: 'approvalId' in outcome ? { approvalId: outcome.approvalId } : { result: outcome.result as Prisma.InputJsonValue } });
}

export async function releaseIdempotencyKey(db: PrismaClient, tokenId: string, key: string): Promise<void> {
  await db.idempotencyRecord.deleteMany({ where: { tokenId, key, approvalId: null } }).catch((e: unknown) => console.error('[mcp] could not release an idempotency key', e));
}
