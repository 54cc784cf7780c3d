import 'server-only';
// MCP tasks for held calls, served by the request's own SDK server (the SDK 2.x has no task store, so these handlers
// are the whole implementation; the SDK still validates the envelope, the standard headers — `Mcp-Name` must mirror
// `params.taskId` on 2026-07-28 — and the result shape). Every request was authenticated by http.ts first; every
// lookup is scoped to the caller's authorization, so another token's task is answered exactly like an unknown id.
//
// 2025-11-25: tasks/get, tasks/result (blocks until terminal, bounded by the approval's expiry), tasks/list,
// tasks/cancel (a terminal task → -32602). 2026-07-28 (extension io.modelcontextprotocol/tasks, only for requests
// whose `_meta` client capabilities declare it, else -32021): tasks/get (result inlined), tasks/cancel and
// tasks/update (empty acknowledgements); tasks/result and tasks/list do not exist there (the SDK answers -32601).
import { MissingRequiredClientCapabilityError, ProtocolError, ProtocolErrorCode, type Server } from '@modelcontextprotocol/server';
import { z } from 'zod';
import { cancelApprovalForCaller, findApprovalForCaller, isTerminal, listTaskApprovalsForCaller, waitForTerminal } from '@/mcp-server/approvals/agent-approvals';
import type { CallContext } from '@/mcp-server/pipeline/call-tool';
import { findImmediateTask, listImmediateTasks } from './immediate-tasks';
import { approvalTaskCore, approvalTaskResult, legacyTask, modernDetailedTask, TASKS_EXTENSION, withRelatedTask } from './task-view';

type Era = 'legacy' | 'modern';
const PAGE = 50;

const notFound = (taskId: string) => new ProtocolError(ProtocolErrorCode.InvalidParams, `Task not found: ${taskId}`);

/** Whether the request's per-request client capabilities (2026-07-28 `_meta` envelope) declare the tasks extension. */
export function declaresTasksExtension(envelope: unknown): boolean {
  const caps = (envelope as Record<string, unknown> | undefined)?.['io.modelcontextprotocol/clientCapabilities'] as { extensions?: Record<string, unknown> } | undefined;
  return !!caps?.extensions && typeof caps.extensions === 'object' && TASKS_EXTENSION in caps.extensions;
}

function requireExtension(envelope: unknown): void {
  if (!declaresTasksExtension(envelope)) throw new MissingRequiredClientCapabilityError({ requiredCapabilities: { extensions: { [TASKS_EXTENSION]: {} } } });
}

/** Cursor of tasks/list (2025): held calls first (newest first), then calls that ran at once. Opaque to clients. */
function parseCursor(cursor: string | undefined): { phase: 'held' | 'immediate'; after?: string } {
  if (!cursor) return { phase: 'held' };
  const m = /^(h|i):([A-Za-z0-9_-]*)$/.exec(cursor);
  if (!m) throw new ProtocolError(ProtocolErrorCode.InvalidParams, 'Invalid cursor: pass back the nextCursor of the previous tasks/list page.');
  return { phase: m[1] === 'h' ? 'held' : 'immediate', after: m[2] || undefined };
}

const TaskIdParams = z.object({ taskId: z.string().min(1).max(200) });
const CursorParams = z.object({ cursor: z.string().max(200).optional() });

function registerLegacy(server: Server, ctx: CallContext): void {
  const { db, caller } = ctx;

  server.setRequestHandler('tasks/get', { params: TaskIdParams }, async ({ taskId }) => {
    const row = await findApprovalForCaller(db, caller, taskId);
    if (row) return { ...legacyTask(approvalTaskCore(row)), _meta: { requestId: ctx.requestId } };
    const immediate = await findImmediateTask(db, caller, taskId);
    if (immediate) return { ...legacyTask(immediate.core), _meta: { requestId: ctx.requestId } };
    throw notFound(taskId);
  });

  server.setRequestHandler('tasks/result', { params: TaskIdParams }, async ({ taskId }, extra) => {
    const row = await waitForTerminal(db, caller, taskId, extra.mcpReq.signal);
    if (row) {
      const result = approvalTaskResult(row);
      if (!result) throw new ProtocolError(ProtocolErrorCode.InternalError, `Task ${taskId} is still ${row.status} after its approval window; ask again with tasks/result or follow it with tasks/get.`);
      return withRelatedTask(result, taskId);
    }
    const immediate = await findImmediateTask(db, caller, taskId);
    if (immediate) return withRelatedTask(immediate.result, taskId);
    throw notFound(taskId);
  });

  server.setRequestHandler('tasks/list', { params: CursorParams }, async (params) => {
    const cursor = parseCursor(params.cursor);
    const tasks: ReturnType<typeof legacyTask>[] = [];
    let nextCursor: string | undefined;
    if (cursor.phase === 'held') {
      const held = await listTaskApprovalsForCaller(db, caller, { cursor: cursor.after, limit: PAGE });
      tasks.push(...held.rows.map((r) => legacyTask(approvalTaskCore(r))));
      if (held.nextCursor) nextCursor = `h:${held.nextCursor}`;
      else if ((await listImmediateTasks(db, caller, { limit: 1 })).tasks.length > 0) nextCursor = 'i:';
    } else {
      const page = await listImmediateTasks(db, caller, { after: cursor.after, limit: PAGE });
      tasks.push(...page.tasks.map((t) => legacyTask(t.core)));
      if (page.next) nextCursor = `i:${page.next}`;
    }
    return { tasks, ...(nextCursor ? { nextCursor } : {}), _meta: { requestId: ctx.requestId } };
  });

  server.setRequestHandler('tasks/cancel', { params: TaskIdParams }, async ({ taskId }) => {
    const out = await cancelApprovalForCaller(db, caller, taskId, ctx.requestId);
    if (out.ok) return { ...legacyTask(approvalTaskCore(out.row)), _meta: { requestId: ctx.requestId } };
    if (!out.row) {
      if (await findImmediateTask(db, caller, taskId)) throw new ProtocolError(ProtocolErrorCode.InvalidParams, `Task ${taskId} is already completed: it cannot be cancelled.`);
      throw notFound(taskId);
    }
    if (isTerminal(out.row.status)) throw new ProtocolError(ProtocolErrorCode.InvalidParams, `Task ${taskId} is already ${approvalTaskCore(out.row).status} (${out.row.status}): it cannot be cancelled.`);
    throw new ProtocolError(ProtocolErrorCode.InvalidParams, `Task ${taskId} was already approved and is running (${out.row.status}): it can no longer be withdrawn.`);
  });
}

function registerModern(server: Server, ctx: CallContext): void {
  const { db, caller } = ctx;
  const find = async (taskId: string) => (await findApprovalForCaller(db, caller, taskId)) ?? Promise.reject(notFound(taskId));

  server.setRequestHandler('tasks/get', { params: TaskIdParams }, async ({ taskId }, extra) => {
    requireExtension(extra.mcpReq.envelope);
    return { ...modernDetailedTask(await find(taskId)), _meta: { requestId: ctx.requestId } };
  });

  // Cancellation is cooperative and acknowledged with an empty result: a pending approval is withdrawn; one already
  // decided or running keeps its course (tasks/get shows how it ends), so a repeat or a late cancel is a plain ack.
  server.setRequestHandler('tasks/cancel', { params: TaskIdParams }, async ({ taskId }, extra) => {
    requireExtension(extra.mcpReq.envelope);
    const out = await cancelApprovalForCaller(db, caller, taskId, ctx.requestId);
    if (!out.ok && !out.row) throw notFound(taskId);
    return { _meta: { requestId: ctx.requestId } };
  });

  // A held call never waits for client input (no input_required), so no response can be outstanding: any
  // inputResponses are ignored, as the extension asks, and acknowledged.
  server.setRequestHandler('tasks/update', { params: TaskIdParams.extend({ inputResponses: z.record(z.string(), z.unknown()).optional() }) }, async ({ taskId }, extra) => {
    requireExtension(extra.mcpReq.envelope);
    await find(taskId);
    return { _meta: { requestId: ctx.requestId } };
  });
}

export function registerTaskHandlers(server: Server, ctx: CallContext, era: Era): void {
  if (era === 'legacy') registerLegacy(server, ctx);
  else registerModern(server, ctx);
}
