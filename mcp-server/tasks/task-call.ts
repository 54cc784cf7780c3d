import 'server-only';
// A tools/call that asks for a task. 2025-11-25: the request carries `params.task` (`{ ttl }`); only tools that can
// be held declare `execution.taskSupport: 'optional'`, any other tool asked for a task is refused with -32601 as the
// spec says. 2026-07-28: the client declares the `io.modelcontextprotocol/tasks` extension in the request's `_meta`
// client capabilities and the server decides (SEP-2663); a call that is not held answers its result at once.
//
// The call goes through the one pipeline (callTool) with `opts.task`, so a held call's ApprovalRequest is created as
// a task (durably, before this answers: any replica resolves tasks/get at once). The SDK validates every tools/call
// result as a CallToolResult, so the task answer keeps the held call's `content` (the text a host that shows tool
// results gives the model) beside the task fields; both result shapes allow additional members.
import { ProtocolError, ProtocolErrorCode, type CallToolResult } from '@modelcontextprotocol/server';
import { canNeedApproval } from '@/lib/activation';
import { findApprovalForCaller } from '@/mcp-server/approvals/agent-approvals';
import { callTool, type CallContext } from '@/mcp-server/pipeline/call-tool';
import { resolveCall } from '@/mcp-server/pipeline/resolve-access';
import { recordImmediateTask } from './immediate-tasks';
import { declaresTasksExtension } from './task-handlers';
import { approvalTaskCore, legacyTask, modernTask } from './task-view';

type Era = 'legacy' | 'modern';
export interface TaskRequest {
  ttlMs?: number;
}

const MODEL_IMMEDIATE_RESPONSE = 'io.modelcontextprotocol/model-immediate-response';

/** Whether this tools/call asks for a task, in the request's era, and with which ttl. */
export function taskRequestOf(params: { task?: unknown }, envelope: unknown, era: Era): TaskRequest | null {
  if (era === 'modern') return declaresTasksExtension(envelope) ? {} : null;
  if (!params.task || typeof params.task !== 'object') return null;
  const ttl = (params.task as { ttl?: unknown }).ttl;
  return typeof ttl === 'number' && Number.isFinite(ttl) && ttl > 0 ? { ttlMs: Math.round(ttl) } : {};
}

/** 2025-11-25, tool-level negotiation: a tool without `execution.taskSupport` is not invoked as a task. */
export function taskNotSupported(name: string): ProtocolError {
  return new ProtocolError(ProtocolErrorCode.MethodNotFound, `${name} does not support task-augmented calls (no execution.taskSupport in tools/list): call it without "task".`);
}

/** The `execution` member of a tool in tools/list: tools that can be held may be called as tasks. */
export function taskExecutionOf(approval: Parameters<typeof canNeedApproval>[0]): { execution: { taskSupport: 'optional' } } | Record<string, never> {
  return canNeedApproval(approval) ? { execution: { taskSupport: 'optional' } } : {};
}

export async function callToolAsTask(
  ctx: CallContext, name: string, rawArgs: Record<string, unknown> | undefined, signal: AbortSignal, era: Era, task: TaskRequest, idempotencyKey?: string,
): Promise<CallToolResult> {
  if (era === 'legacy') {
    const { resolved } = await resolveCall(ctx.db, ctx.caller, name);
    // A tool the caller cannot see goes on to callTool, which answers it exactly like an unknown one.
    if ('tool' in resolved && !canNeedApproval(resolved.tool.access.approval)) throw taskNotSupported(name);
  }
  const result = await callTool(ctx, name, rawArgs, signal, undefined, { task: { ttlMs: task.ttlMs }, idempotencyKey });
  const approvalId = typeof result._meta?.approvalId === 'string' ? result._meta.approvalId : null;
  const row = approvalId ? await findApprovalForCaller(ctx.db, ctx.caller, approvalId) : null;
  const text = result.content.find((c) => c.type === 'text')?.text ?? '';
  if (row) {
    const core = approvalTaskCore(row);
    const meta = { ...result._meta, [MODEL_IMMEDIATE_RESPONSE]: text };
    if (era === 'modern') return { ...modernTask(core), resultType: 'task', content: result.content, _meta: meta } as CallToolResult;
    return { task: legacyTask(core), content: result.content, _meta: meta } as CallToolResult;
  }
  // Not held: 2026-07-28 lets the server answer at once; 2025-11-25 wants the task it asked for, already completed.
  if (era === 'modern') return result;
  const done = await recordImmediateTask(ctx.db, ctx.caller, { toolSlug: name, args: rawArgs ?? {}, result, ttlMs: task.ttlMs });
  return { task: legacyTask(done.core), content: result.content, _meta: { ...result._meta, [MODEL_IMMEDIATE_RESPONSE]: text } } as CallToolResult;
}
