import 'server-only';
// Enable, disable or remove (inherit) a tool at tenant, team or user level, with a reason; the change applies on the
// next /mcp call. Audited in the same transaction; enabling stamps the publishing request's first activation.
import { assertCan, type Actor } from '@/lib/policy';
import type { TSetActivationRuleInput } from '@/lib/schemas/activation';
import { writeAudit } from '@/lib/server/audit';
import { getDb } from '@/lib/server/db/client';
import { recordFirstActivation } from '@/lib/services/tool-requests/record-first-activation';
import { assertSubjectInTenant, getTenantOrThrow, getToolOrThrow, scopeKeyOf } from './shared';
import { newRequestId } from '@/lib/server/ids';

export async function setActivationRule({ actor, ...input }: TSetActivationRuleInput & { actor: Actor }) {
  assertCan(actor, 'activation.manage', { tenantId: input.tenantId });
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const tenant = await getTenantOrThrow(tx, input.tenantId);
    const tool = await getToolOrThrow(tx, input.toolId);
    const teamId = input.scope === 'team' ? input.teamId! : null;
    const userId = input.scope === 'user' ? input.userId! : null;
    await assertSubjectInTenant(tx, tenant.id, { teamId: teamId ?? undefined, userId: userId ?? undefined });
    const scopeKey = scopeKeyOf(input.scope, teamId, userId);
    const where = { tenantId_toolId_scopeKey: { tenantId: tenant.id, toolId: tool.id, scopeKey } };
    const before = await tx.toolActivation.findUnique({ where, select: { enabled: true, rolloutPercent: true, reason: true } });
    let after: { enabled: boolean; rolloutPercent: number | null; reason: string } | null = null;
    if (input.state === 'inherit') {
      if (before) await tx.toolActivation.delete({ where });
    } else {
      const data = { enabled: input.state === 'on', rolloutPercent: input.rolloutPercent, reason: input.reason, updatedById: actor.id };
      await tx.toolActivation.upsert({ where, create: { tenantId: tenant.id, toolId: tool.id, scope: input.scope, teamId, userId, scopeKey, ...data }, update: data });
      after = { enabled: data.enabled, rolloutPercent: data.rolloutPercent, reason: data.reason };
      if (data.enabled) await recordFirstActivation(tx, tool.id);
    }
    await writeAudit(tx, actor, {
      requestId: newRequestId(),
      tenantId: tenant.id,
      action: input.state === 'inherit' ? 'activation.removed' : 'activation.updated',
      resourceType: 'tool_activation',
      resourceId: `${tenant.slug}/${tool.slug}/${scopeKey}`,
      toolSlug: tool.slug,
      details: { scope: input.scope, teamId, userId, reason: input.reason, before, after },
      resourcesTouched: [`tenant:${tenant.slug}`, `tool:${tool.slug}`],
    });
    return { tenant: tenant.slug, tool: tool.slug, scopeKey, rule: after };
  });
}
