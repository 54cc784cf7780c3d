import 'server-only';
// approval_status: a built-in, read-only tool listed to every token whose tenant has a tool that can need approval.
// The agent follows its held call with it: status, who decided and why, expiry, and once executed the tool's own
// (redacted) answer. Approvals made through another tenant or principal are answered exactly like unknown ids.
import type { CallToolResult, Tool } from '@modelcontextprotocol/server';
import { canNeedApproval } from '@/lib/activation';
import { ZApprovalStatusToolInput, ZApprovalStatusToolOutput } from '@/lib/schemas/approvals';
import { jsonSchemaOf } from '@/lib/tool-definition';
import { auditCall } from '@/mcp-server/pipeline/audit';
import type { CallContext } from '@/mcp-server/pipeline/call-tool';
import type { ServedTool } from '@/mcp-server/pipeline/resolve-access';
import { agentView, findApprovalForCaller } from './agent-approvals';

export const APPROVAL_STATUS_TOOL_NAME = 'approval_status';

let definition: Tool | null = null;
export function approvalStatusTool(): Tool {
  definition ??= {
    name: APPROVAL_STATUS_TOOL_NAME,
    title: 'Approval status',
    description:
      "Follows a call that was held for a human operator's approval. Give the approvalId you received when the call was held; " +
      'the answer says whether it is pending, approved, executed (with the tool\'s result), denied (with the reason), expired, withdrawn or void.',
    inputSchema: jsonSchemaOf(ZApprovalStatusToolInput, 'input') as Tool['inputSchema'],
    outputSchema: jsonSchemaOf(ZApprovalStatusToolOutput, 'output') as Tool['outputSchema'],
    annotations: { title: 'Approval status', readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  };
  return definition;
}

/** Whether the caller's tools include one that can be held for approval (then approval_status is listed). */
export function offersApprovalStatus(served: ServedTool[]): boolean {
  return served.some((t) => canNeedApproval(t.access.approval));
}

export async function callApprovalStatus(ctx: CallContext, rawArgs: unknown): Promise<CallToolResult> {
  const started = performance.now();
  const parsed = ZApprovalStatusToolInput.safeParse(rawArgs ?? {});
  const answer = (text: string, isError: boolean, structured?: Record<string, unknown>): CallToolResult => ({
    content: [{ type: 'text', text }], isError, ...(structured ? { structuredContent: structured } : {}), _meta: { requestId: ctx.requestId },
  });
  if (!parsed.success) {
    const message = `Invalid arguments for approval_status: ${parsed.error.issues[0]?.message ?? 'give {"approvalId": "…"}'}.`;
    await auditCall({ pool: ctx.pool }, ctx.caller, ctx.requestId, { toolSlug: APPROVAL_STATUS_TOOL_NAME, outcome: 'denied', errorCode: 'INVALID_INPUT', latencyMs: performance.now() - started, details: { reason: message } });
    return answer(message, true);
  }
  const row = await findApprovalForCaller(ctx.db, ctx.caller, parsed.data.approvalId);
  if (!row) {
    await auditCall({ pool: ctx.pool }, ctx.caller, ctx.requestId, { toolSlug: APPROVAL_STATUS_TOOL_NAME, outcome: 'denied', errorCode: 'NOT_FOUND', latencyMs: performance.now() - started, details: { approvalId: parsed.data.approvalId } });
    return answer(`No approval "${parsed.data.approvalId}" is visible to this token: check the id you received when your call was held.`, true);
  }
  const view = agentView(row);
  await auditCall({ pool: ctx.pool }, ctx.caller, ctx.requestId, { toolSlug: APPROVAL_STATUS_TOOL_NAME, outcome: 'success', latencyMs: performance.now() - started, details: { approvalId: row.id, correlationId: row.requestId, status: view.status } });
  return answer(JSON.stringify(view), false, view);
}
