import 'server-only';
// Step 5: human in the loop. A critical tool, or a call matching the tenant's approval rule, does not run: an
// approval request (arguments encrypted, so it can run exactly as approved) waits in the operators' inbox and the
// agent is told so. Written in the same transaction as its audit record.
import { createHash } from 'node:crypto';
import { needsApproval } from '@/lib/activation';
import type { Prisma } from '@/lib/generated/prisma/client';
import { encryptSecret } from '@/lib/server/secrets';
import { canonicalJson } from '@/lib/tool-definition';
import type { ServedTool } from './resolve-access';

export const APPROVAL_TTL_MS = 24 * 3_600_000;

export function approvalNeeded(tool: ServedTool, args: Record<string, unknown>): boolean {
  return needsApproval(tool.access.approval, args);
}

export async function createApprovalRequest(
  tx: Prisma.TransactionClient,
  input: { tenantId: string; tool: ServedTool; tokenId: string; requestId: string; args: Record<string, unknown>; argsRedacted: unknown },
): Promise<{ id: string; approvalsRequired: number; expiresAt: Date }> {
  const plain = canonicalJson(input.args);
  const enc = encryptSecret(plain);
  const approvalsRequired = Math.max(input.tool.access.approval.approvalsRequired, 1);
  const expiresAt = new Date(Date.now() + APPROVAL_TTL_MS);
  const row = await tx.approvalRequest.create({
    data: {
      tenantId: input.tenantId, toolId: input.tool.access.toolId, toolVersion: input.tool.access.version, tokenId: input.tokenId,
      requestId: input.requestId, argumentsEnc: JSON.stringify(enc), argumentsRedacted: input.argsRedacted as Prisma.InputJsonValue,
      argumentsHash: createHash('sha256').update(plain).digest('hex'),
      reason: input.tool.access.approval.critical ? `${input.tool.slug} is a critical tool` : `${input.tool.slug} matches the tenant's approval rule`,
      approvalsRequired, expiresAt,
    },
    select: { id: true },
  });
  return { id: row.id, approvalsRequired, expiresAt };
}
