import 'server-only';
// How a held call looks as an MCP task, in both protocol eras. A task is an ApprovalRequest row (durable: any replica
// answers), seen only through the caller's authorization (findApprovalForCaller). Status mapping:
// pending / approved / executing → working; executed → completed with the tool's result; denied / expired / void →
// completed with an isError result carrying the reason (the tool did not run: a tool-level outcome, not a protocol
// error, so never `failed`); cancelled (withdrawn by the agent) → cancelled.
// 2025-11-25 (experimental tasks): `{ taskId, status, statusMessage, createdAt, lastUpdatedAt, ttl, pollInterval }`,
// result through tasks/result. 2026-07-28 extension `io.modelcontextprotocol/tasks` (SEP-2663): flat task with
// `ttlMs` / `pollIntervalMs`, result inlined on tasks/get.
import type { CallToolResult } from '@modelcontextprotocol/server';
import { ZToolCallResult } from '@/lib/schemas/approvals';
import { agentView, approvalMeta, isTerminal, type AgentApprovalRow } from '@/mcp-server/approvals/agent-approvals';

export const TASKS_EXTENSION = 'io.modelcontextprotocol/tasks';
export const RELATED_TASK_META = 'io.modelcontextprotocol/related-task';
/** Operators decide in minutes, not milliseconds: polling more often than this only costs database reads. */
export const POLL_INTERVAL_MS = 5_000;
/** The shortest / longest lifetime a task of a call that ran at once is kept (its requested ttl is clamped to it). */
export const MIN_TASK_TTL_MS = 60_000;
export const MAX_TASK_TTL_MS = 24 * 3_600_000;

export type TaskStatus = 'working' | 'input_required' | 'completed' | 'failed' | 'cancelled';

/** The task fields common to both eras, before their era-specific names. */
export interface TaskCore {
  taskId: string;
  status: TaskStatus;
  statusMessage: string;
  createdAt: string;
  lastUpdatedAt: string;
  ttlMs: number;
}

export function taskStatusOf(status: string): TaskStatus {
  if (status === 'cancelled') return 'cancelled';
  return isTerminal(status) ? 'completed' : 'working';
}

/**
 * The task's lifetime. The row itself is kept (it is the approval's record), so the task stays readable at least as
 * long as its outcome can still change — the approval window plus the tool's time limit — or as long as the
 * requested ttl if that is longer (receivers may override the requested ttl).
 */
export function approvalTaskTtlMs(row: AgentApprovalRow): number {
  const window = row.expiresAt.getTime() - row.createdAt.getTime() + row.tool.timeoutMs + 60_000;
  return Math.max(row.taskTtlMs ?? 0, window);
}

function statusMessageOf(row: AgentApprovalRow): string {
  if (row.status === 'pending') {
    const given = row.decisions.filter((d) => d.approve).length;
    return `Awaiting an operator's approval (${given} of ${row.approvalsRequired} given) for ${row.tool.slug}; nothing has run yet. It expires at ${row.expiresAt.toISOString()} if nobody decides.`;
  }
  return agentView(row).message;
}

export function approvalTaskCore(row: AgentApprovalRow): TaskCore {
  return {
    taskId: row.id, status: taskStatusOf(row.status), statusMessage: statusMessageOf(row),
    createdAt: row.createdAt.toISOString(), lastUpdatedAt: row.updatedAt.toISOString(), ttlMs: approvalTaskTtlMs(row),
  };
}

/**
 * The task's final CallToolResult once terminal: the tool's own result when it ran, otherwise an isError result
 * that says why it did not (denied, expired, void, withdrawn). Null while the task is still working.
 */
export function approvalTaskResult(row: AgentApprovalRow): CallToolResult | null {
  if (!isTerminal(row.status)) return null;
  const meta = { requestId: row.requestId, approvalId: row.id, approval: approvalMeta(row) };
  const stored = ZToolCallResult.safeParse(row.result);
  if (row.status === 'executed' && stored.success) return { ...stored.data, _meta: meta };
  return { content: [{ type: 'text', text: agentView(row).message }], isError: true, _meta: meta };
}

/** 2025-11-25 Task. */
export function legacyTask(t: TaskCore) {
  return { taskId: t.taskId, status: t.status, statusMessage: t.statusMessage, createdAt: t.createdAt, lastUpdatedAt: t.lastUpdatedAt, ttl: t.ttlMs, pollInterval: POLL_INTERVAL_MS };
}

/** 2026-07-28 (SEP-2663) Task: the same fields under their `…Ms` names. */
export function modernTask(t: TaskCore) {
  return { taskId: t.taskId, status: t.status, statusMessage: t.statusMessage, createdAt: t.createdAt, lastUpdatedAt: t.lastUpdatedAt, ttlMs: t.ttlMs, pollIntervalMs: POLL_INTERVAL_MS };
}

/** 2026-07-28 tasks/get answer (DetailedTask): a completed task inlines its result (without the related-task key). */
export function modernDetailedTask(row: AgentApprovalRow) {
  const result = approvalTaskResult(row);
  const task = modernTask(approvalTaskCore(row));
  return task.status === 'completed' && result ? { ...task, result } : task;
}

/** What a caller reads back after tasks/result (2025): the final result tagged with its task. */
export function withRelatedTask(result: CallToolResult, taskId: string): CallToolResult {
  return { ...result, _meta: { ...result._meta, [RELATED_TASK_META]: { taskId } } };
}
