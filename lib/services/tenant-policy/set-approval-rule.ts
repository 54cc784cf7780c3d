import 'server-only';
// Approval rule per tenant × tool: never / always / when a condition on the arguments holds (payment_refund when
// amount > 500), how many approvers (two-person rule), and how long a held call waits (approvalTtlMinutes).
// A critical tool always needs an approval: "never" is refused for it, and a condition only decides when the
// number of approvers applies (one below it); see requiredApprovals in lib/activation.ts.
import { AppError } from '@/lib/errors';
import { Prisma } from '@/lib/generated/prisma/client';
import { assertCan, type Actor } from '@/lib/policy';
import { DEFAULT_APPROVAL_TTL_MINUTES } from '@/lib/schemas/approvals';
import { ZSetApprovalRuleInput, type TSetApprovalRuleInput } from '@/lib/schemas/tenant-policy';
import { writeAudit } from '@/lib/server/audit';
import { parseInput } from '@/lib/server/boundary';
import { getDb } from '@/lib/server/db/client';
import { newRequestId } from '@/lib/server/ids';

export async function setApprovalRule({ actor, ...raw }: TSetApprovalRuleInput & { actor: Actor }) {
  const input = parseInput(ZSetApprovalRuleInput, raw);
  assertCan(actor, 'tenant_policy.manage', { tenantId: input.tenantId });
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const tenant = await tx.tenant.findUnique({ where: { id: input.tenantId }, select: { id: true, slug: true } });
    const tool = await tx.tool.findUnique({ where: { id: input.toolId }, select: { id: true, slug: true, critical: true } });
    if (!tenant || !tool) throw new AppError('NOT_FOUND', { userMessage: tenant ? 'Tool not found.' : 'Tenant not found.' });
    if (tool.critical && input.mode === 'never') {
      const message = `${tool.slug} is a critical tool: every call needs a human approval, so "never" cannot apply. Choose "always", or "always; two operators above a condition".`;
      throw new AppError('VALIDATION', { userMessage: message, fieldErrors: { mode: [message] } });
    }
    const key = { tenantId_toolId: { tenantId: tenant.id, toolId: tool.id } };
    const before = await tx.tenantToolPolicy.findUnique({ where: key, select: { approvalMode: true, approvalCondition: true, approvalsRequired: true, approvalTtlMinutes: true } });
    const ttl = input.approvalTtlMinutes === undefined ? {} : { approvalTtlMinutes: input.approvalTtlMinutes };
    const data = { approvalMode: input.mode, approvalCondition: input.condition ?? Prisma.DbNull, approvalsRequired: input.approvalsRequired, ...ttl };
    const saved = await tx.tenantToolPolicy.upsert({
      where: key,
      create: { tenantId: tenant.id, toolId: tool.id, ...data },
      update: data,
      select: { approvalTtlMinutes: true },
    });
    const after = { approvalMode: input.mode, approvalCondition: input.condition, approvalsRequired: input.approvalsRequired, approvalTtlMinutes: saved.approvalTtlMinutes };
    await writeAudit(tx, actor, {
      requestId: newRequestId(),
      tenantId: tenant.id,
      action: 'approval_rule.updated',
      resourceType: 'tenant_tool_policy',
      resourceId: `${tenant.slug}/${tool.slug}`,
      toolSlug: tool.slug,
      details: { before: before ?? null, after },
      resourcesTouched: [`tenant:${tenant.slug}`, `tool:${tool.slug}`],
    });
    return { tool: tool.slug, mode: input.mode, condition: input.condition, approvalsRequired: input.approvalsRequired, approvalTtlMinutes: saved.approvalTtlMinutes ?? DEFAULT_APPROVAL_TTL_MINUTES };
  });
}
