import 'server-only';
// Step 5: human in the loop. A critical tool, or a call matching the tenant's approval rule, does not run: an
// approval request (arguments encrypted, so it runs exactly as approved) waits in the operators' inbox, the
// tenant's operators are notified, and the agent is told how to follow it. Written in the same transaction as its
// audit record.
import { needsApproval, requiredApprovals } from '@/lib/activation';
import type { Prisma } from '@/lib/generated/prisma/client';
import { sealArguments } from '@/lib/services/approvals/approval-arguments';
import { tenantOperators } from '@/lib/services/approvals/shared';
import { createNotifications } from '@/lib/services/notifications/create-notifications';
import type { McpCaller } from './authenticate';
import type { ServedTool } from './resolve-access';

export function approvalNeeded(tool: ServedTool, args: Record<string, unknown>): boolean {
  return needsApproval(tool.access.approval, args);
}

export interface HeldCall {
  id: string;
  approvalsRequired: number;
  expiresAt: Date;
  operatorEmails: string[];
}

export async function createApprovalRequest(
  tx: Prisma.TransactionClient,
  input: { caller: McpCaller; tool: ServedTool; requestId: string; traceId?: string; args: Record<string, unknown>; argsRedacted: unknown; task?: { ttlMs?: number }; idempotencyKey?: string },
): Promise<HeldCall> {
  const { caller, tool } = input;
  const sealed = sealArguments(input.args);
  const approvalsRequired = requiredApprovals(tool.access.approval, input.args);
  const expiresAt = new Date(Date.now() + tool.access.approval.ttlMinutes * 60_000);
  const rule = tool.access.approval.critical
    ? `${tool.slug} is a critical tool${approvalsRequired > 1 ? ' (two-person rule above the tenant condition)' : ''}`
    : `${tool.slug} matches the tenant's approval rule${approvalsRequired > 1 ? ' (two operators)' : ''}`;
  const row = await tx.approvalRequest.create({
    data: {
      tenantId: caller.tenant.id, toolId: tool.access.toolId, toolVersion: tool.access.version, tokenId: caller.tokenId,
      userId: caller.userId, teamId: caller.teamId, requestId: input.requestId, traceId: input.traceId || null,
      argumentsEnc: sealed.enc, argumentsRedacted: (input.argsRedacted ?? {}) as Prisma.InputJsonValue, argumentsHash: sealed.hash,
      reason: rule, approvalsRequired, expiresAt, asTask: !!input.task, taskTtlMs: input.task?.ttlMs ?? null, idempotencyKey: input.idempotencyKey ?? null,
    },
    select: { id: true },
  });
  const operators = await tenantOperators(tx, caller.tenant.id);
  await createNotifications(tx, operators.map((o) => o.id), {
    kind: 'approval.pending', title: `${tool.slug} call awaits your approval`,
    body: `${caller.tokenName} asked to run ${tool.slug}; it expires at ${expiresAt.toISOString().slice(11, 16)} UTC.`,
    href: () => `/approvals?id=${row.id}`,
  });
  return { id: row.id, approvalsRequired, expiresAt, operatorEmails: operators.map((o) => o.email) };
}
