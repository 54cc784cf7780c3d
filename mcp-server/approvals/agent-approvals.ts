import 'server-only';
// The agent's side of a held call: what it is told at once, what approval_status and MCP tasks answer, and how it
// withdraws a request. A token sees only the approvals made through its own tenant and principal (the token
// itself, or the user / team it acts for); any other id is answered exactly like an unknown one.
import type { CallToolResult } from '@modelcontextprotocol/server';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { TERMINAL_APPROVAL_STATUSES, ZToolCallResult, type TApprovalStatus, type TApprovalStatusToolOutput } from '@/lib/schemas/approvals';
import { writeAudit } from '@/lib/server/audit';
import { expireDue } from '@/lib/services/approvals/shared';
import type { McpCaller } from '@/mcp-server/pipeline/authenticate';

export const agentApprovalSelect = {
  id: true, tenantId: true, requestId: true, traceId: true, status: true, statusReason: true, approvalsRequired: true, expiresAt: true, createdAt: true,
  updatedAt: true, result: true, asTask: true, taskTtlMs: true, executionStartedAt: true,
  tool: { select: { slug: true, timeoutMs: true } },
  decisions: { select: { approve: true, operator: { select: { name: true } } }, orderBy: { createdAt: 'asc' as const } },
} satisfies Prisma.ApprovalRequestSelect;
export type AgentApprovalRow = Prisma.ApprovalRequestGetPayload<{ select: typeof agentApprovalSelect }>;

/** The approvals a caller may see: its tenant, and its token or the user / team the token acts for. */
export function callerApprovalScope(caller: McpCaller): Prisma.ApprovalRequestWhereInput {
  return {
    tenantId: caller.tenant.id,
    OR: [{ tokenId: caller.tokenId }, ...(caller.userId ? [{ userId: caller.userId }] : []), ...(caller.teamId ? [{ teamId: caller.teamId }] : [])],
  };
}

export async function findApprovalForCaller(db: PrismaClient, caller: McpCaller, id: string): Promise<AgentApprovalRow | null> {
  const where = { id, ...callerApprovalScope(caller) };
  await expireDue(db, where);
  return db.approvalRequest.findFirst({ where, select: agentApprovalSelect });
}

export const isTerminal = (status: string) => (TERMINAL_APPROVAL_STATUSES as readonly string[]).includes(status);

function statusMessage(a: AgentApprovalRow): string {
  const given = a.decisions.filter((d) => d.approve).length;
  switch (a.status as TApprovalStatus) {
    case 'pending':
      return `${a.tool.slug} is held for an operator's approval (${given} of ${a.approvalsRequired} approval${a.approvalsRequired > 1 ? 's' : ''} given). Nothing has run yet. It expires at ${a.expiresAt.toISOString()} if nobody decides.`;
    case 'approved':
    case 'executing':
      return `${a.tool.slug} was approved and is running now. Call approval_status again shortly for its result.`;
    case 'executed': {
      const r = ZToolCallResult.safeParse(a.result);
      return r.success && r.data.isError ? `${a.tool.slug} was approved and ran once, but the tool refused it: ${r.data.content[0]?.text ?? ''}` : `${a.tool.slug} was approved and ran once; its result is in "result".`;
    }
    case 'denied':
      return `An operator denied ${a.tool.slug}: ${a.statusReason ?? 'no reason given'}. It did not run; do not retry it unchanged.`;
    case 'expired':
      return `Nobody approved ${a.tool.slug} before ${a.expiresAt.toISOString()}: it expired, which counts as denied. It did not run.`;
    case 'cancelled':
      return `The request for ${a.tool.slug} was withdrawn. It did not run.`;
    case 'void':
      return `${a.tool.slug} was approved but did not run: ${a.statusReason ?? 'its authorization changed before it could run'}.`;
  }
}

export function agentView(a: AgentApprovalRow): TApprovalStatusToolOutput {
  const result = ZToolCallResult.safeParse(a.result);
  return {
    approvalId: a.id, tool: a.tool.slug, status: a.status as TApprovalStatus, message: statusMessage(a),
    reason: a.statusReason,
    decidedBy: [...new Set(a.decisions.map((d) => d.operator.name))],
    approvalsRequired: a.approvalsRequired, approvalsGiven: a.decisions.filter((d) => d.approve).length,
    expiresAt: a.expiresAt.toISOString(), result: result.success ? result.data : null,
  };
}

/** The machine-readable part of a held answer (the result's `_meta.approval`), documented in the README. */
export function approvalMeta(a: Pick<HeldSummary, 'id' | 'expiresAt' | 'approvalsRequired'> & { status: string }) {
  return { id: a.id, status: a.status, expiresAt: a.expiresAt.toISOString(), approvalsRequired: a.approvalsRequired, statusTool: 'approval_status' };
}

/** A call just held (before any decision). */
export interface HeldSummary {
  id: string;
  status: 'pending';
  expiresAt: Date;
  approvalsRequired: number;
  tool: { slug: string };
}

/** What the agent receives at once when its call is held (also what a repeat with the same idempotency key gets). */
export function heldCallResult(a: HeldSummary | AgentApprovalRow, requestId: string): CallToolResult {
  const text = a.status === 'pending'
    ? `${a.tool.slug} was NOT executed: it is held for an operator's approval (${a.approvalsRequired === 1 ? 'one operator' : `${a.approvalsRequired} different operators`} must approve). ` +
      `Call approval_status with {"approvalId":"${a.id}"} to follow it; it expires at ${a.expiresAt.toISOString()} if nobody decides.`
    : `${statusMessage(a as AgentApprovalRow)} Call approval_status with {"approvalId":"${a.id}"} for details.`;
  return { content: [{ type: 'text', text }], isError: true, _meta: { requestId, approvalId: a.id, approval: approvalMeta(a) } };
}

/** The agent withdraws its held call (tasks/cancel): only while nobody has approved it. */
export async function cancelApprovalForCaller(db: PrismaClient, caller: McpCaller, id: string, requestId: string): Promise<{ ok: true; row: AgentApprovalRow } | { ok: false; row: AgentApprovalRow | null }> {
  const row = await findApprovalForCaller(db, caller, id);
  if (!row) return { ok: false, row: null };
  const done = await db.$transaction(async (tx) => {
    const r = await tx.approvalRequest.updateMany({ where: { id, status: 'pending' }, data: { status: 'cancelled', statusReason: 'Withdrawn by the agent.' } });
    if (r.count !== 1) return false;
    await writeAudit(tx, caller.actor, {
      requestId: row.requestId, traceId: row.traceId, tenantId: row.tenantId, action: 'approval.cancelled', resourceType: 'approval', resourceId: id, toolSlug: row.tool.slug,
      outcome: 'success', details: { approvalId: id, correlationId: row.requestId, cancelRequestId: requestId },
    });
    return true;
  });
  const after = await db.approvalRequest.findUniqueOrThrow({ where: { id }, select: agentApprovalSelect });
  return done ? { ok: true, row: after } : { ok: false, row: after };
}

/** The caller's task approvals (MCP tasks/list), newest first, keyset by id. */
export async function listTaskApprovalsForCaller(db: PrismaClient, caller: McpCaller, opts: { cursor?: string; limit?: number } = {}): Promise<{ rows: AgentApprovalRow[]; nextCursor: string | null }> {
  const limit = opts.limit ?? 50;
  await expireDue(db, { ...callerApprovalScope(caller), asTask: true });
  const rows = await db.approvalRequest.findMany({
    where: { ...callerApprovalScope(caller), asTask: true, ...(opts.cursor ? { id: { lt: opts.cursor } } : {}) },
    select: agentApprovalSelect, orderBy: { id: 'desc' }, take: limit + 1,
  });
  return { rows: rows.slice(0, limit), nextCursor: rows.length > limit ? rows[limit - 1]!.id : null };
}

/**
 * Waits until the approval reaches a terminal state (tasks/result), polling the database (any replica may decide
 * it), bounded by the approval's expiry plus the tool's time limit, and by the request's abort signal.
 */
export async function waitForTerminal(db: PrismaClient, caller: McpCaller, id: string, signal?: AbortSignal, pollMs = 200): Promise<AgentApprovalRow | null> {
  for (;;) {
    const row = await findApprovalForCaller(db, caller, id);
    if (!row || isTerminal(row.status)) return row;
    const deadline = row.expiresAt.getTime() + row.tool.timeoutMs + 30_000;
    if (Date.now() > deadline || signal?.aborted) return row;
    await new Promise<void>((resolve) => {
      const t = setTimeout(resolve, pollMs);
      signal?.addEventListener('abort', () => { clearTimeout(t); resolve(); }, { once: true });
    });
  }
}
