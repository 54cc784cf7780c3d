import 'server-only';
// A task-augmented tools/call (2025-11-25) of a tool that can be held but this time was not: it runs at once, and the
// protocol still wants a task whose result tasks/result returns later, from any replica. Its durable record is an
// IdempotencyRecord of the calling token under the reserved key `mcp-task:<taskId>` (the result, the tool, the
// arguments' hash, an expiry): the same "a call's answer, kept for a while for its token" that idempotent repeats
// use. Bound to the token that made the call; any other caller gets "not found".
import { randomUUID } from 'node:crypto';
import type { CallToolResult } from '@modelcontextprotocol/server';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import type { McpCaller } from '@/mcp-server/pipeline/authenticate';
import { argumentsHash } from '@/mcp-server/pipeline/idempotency';
import { MAX_TASK_TTL_MS, MIN_TASK_TTL_MS, type TaskCore } from './task-view';

const KEY_PREFIX = 'mcp-task:';
const DEFAULT_TTL_MS = 3_600_000;

export interface ImmediateTask {
  core: TaskCore;
  result: CallToolResult;
}

const select = { key: true, result: true, createdAt: true, expiresAt: true, toolSlug: true } as const;
type Row = Prisma.IdempotencyRecordGetPayload<{ select: typeof select }>;

function view(r: Row): ImmediateTask {
  const ttlMs = r.expiresAt.getTime() - r.createdAt.getTime();
  const result = (r.result ?? { content: [], isError: false }) as CallToolResult;
  return {
    core: {
      taskId: r.key.slice(KEY_PREFIX.length), status: 'completed', createdAt: r.createdAt.toISOString(), lastUpdatedAt: r.createdAt.toISOString(), ttlMs,
      statusMessage: `${r.toolSlug} did not need an approval this time: it ran at once${result.isError ? ' and reported an error' : ''}.`,
    },
    result,
  };
}

/** Records a call that ran at once as a completed task; returns it. */
export async function recordImmediateTask(db: PrismaClient, caller: McpCaller, input: { toolSlug: string; args: Record<string, unknown>; result: CallToolResult; ttlMs?: number }): Promise<ImmediateTask> {
  const ttlMs = Math.min(Math.max(Math.round(input.ttlMs ?? DEFAULT_TTL_MS), MIN_TASK_TTL_MS), MAX_TASK_TTL_MS);
  const createdAt = new Date();
  // Stored as an idempotent repeat would return it (the tool's answer, without this call's _meta).
  const { content, structuredContent, isError } = input.result;
  const stored = { isError: !!isError, content, ...(structuredContent ? { structuredContent } : {}) };
  const row = await db.idempotencyRecord.create({
    data: {
      tokenId: caller.tokenId, key: `${KEY_PREFIX}${randomUUID()}`, toolSlug: input.toolSlug.slice(0, 100), argumentsHash: argumentsHash(input.args),
      result: stored as Prisma.InputJsonValue, createdAt, expiresAt: new Date(createdAt.getTime() + ttlMs),
    },
    select,
  });
  return view(row);
}

export async function findImmediateTask(db: PrismaClient, caller: McpCaller, taskId: string): Promise<ImmediateTask | null> {
  const row = await db.idempotencyRecord.findFirst({ where: { tokenId: caller.tokenId, key: `${KEY_PREFIX}${taskId}`, expiresAt: { gt: new Date() } }, select });
  return row ? view(row) : null;
}

/** The token's live immediate tasks, keyset-paged by key (newest keys are not ordered: the listing order is stable). */
export async function listImmediateTasks(db: PrismaClient, caller: McpCaller, opts: { after?: string; limit: number }): Promise<{ tasks: ImmediateTask[]; next: string | null }> {
  const rows = await db.idempotencyRecord.findMany({
    where: { tokenId: caller.tokenId, key: { startsWith: KEY_PREFIX, ...(opts.after ? { gt: `${KEY_PREFIX}${opts.after}` } : {}) }, expiresAt: { gt: new Date() } },
    select, orderBy: { key: 'asc' }, take: opts.limit + 1,
  });
  const page = rows.slice(0, opts.limit).map(view);
  return { tasks: page, next: rows.length > opts.limit ? page.at(-1)!.core.taskId : null };
}
