import 'server-only';
// Approval rule per tenant × tool: never / always / when a condition on the arguments holds (payment_refund when
// amount > 500), and how many approvers (two-person rule). Critical tools always need an approval regardless.
import { AppError } from '@/lib/errors';
import { Prisma } from '@/lib/generated/prisma/client';
import { assertCan, type Actor } from '@/lib/policy';
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
    const tool = await tx.tool.findUnique({ where: { id: input.toolId }, select: { id: true, slug: true } });
    if (!tenant || !tool) throw new AppError('NOT_FOUND', { userMessage: tenant ? 'Tool not found.' : 'Tenant not found.' });
    const key = { tenantId_toolId: { tenantId: tenant.id, toolId: tool.id } };
    const before = await tx.tenantToolPolicy.findUnique({ where: key, select: { approvalMode: true, approvalCondition: true, approvalsRequired: true } });
    const data = { approvalMode: input.mode, approvalCondition: input.condition ?? Prisma.DbNull, approvalsRequired: input.approvalsRequired };
    const json = { ...data, approvalCondition: input.condition };
    await tx.tenantToolPolicy.upsert({
      where: key,
      create: { tenantId: tenant.id, toolId: tool.id, ...data },
      update: data,
    });
    await writeAudit(tx, actor, {
      requestId: newRequestId(),
      tenantId: tenant.id,
      action: 'approval_rule.updated',
      resourceType: 'tenant_tool_policy',
      resourceId: `${tenant.slug}/${tool.slug}`,
      toolSlug: tool.slug,
      details: { before: before ?? null, after: json },
      resourcesTouched: [`tenant:${tenant.slug}`, `tool:${tool.slug}`],
    });
    return { tool: tool.slug, mode: input.mode, condition: input.condition, approvalsRequired: input.approvalsRequired };
  });
}
