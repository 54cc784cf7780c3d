import 'server-only';
// Per tenant × tool: version pin and limits (requests per minute, calls per day; null = the tenant default).
// A pin must name a version that can be served (approved or superseded), so a tenant stays on it while others move on.
import { AppError } from '@/lib/errors';
import { assertCan, type Actor } from '@/lib/policy';
import type { TSetToolPolicyInput } from '@/lib/schemas/activation';
import { writeAudit } from '@/lib/server/audit';
import { getDb } from '@/lib/server/db/client';
import { getTenantOrThrow, getToolOrThrow } from './shared';
import { newRequestId } from '@/lib/server/ids';

export async function setToolPolicy({ actor, ...input }: TSetToolPolicyInput & { actor: Actor }) {
  assertCan(actor, 'activation.manage', { tenantId: input.tenantId });
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const tenant = await getTenantOrThrow(tx, input.tenantId);
    const tool = await getToolOrThrow(tx, input.toolId);
    if (input.pinnedVersion !== null) {
      const v = await tx.toolVersion.findUnique({ where: { toolId_version: { toolId: tool.id, version: input.pinnedVersion } }, select: { status: true } });
      if (!v || (v.status !== 'approved' && v.status !== 'superseded')) {
        throw new AppError('VALIDATION', {
          userMessage: `${tool.slug} has no servable version ${input.pinnedVersion}.`,
          fieldErrors: { pinnedVersion: [v ? `Version ${input.pinnedVersion} is ${v.status}; pin an approved or superseded version.` : `Version ${input.pinnedVersion} does not exist.`] },
        });
      }
    }
    const key = { tenantId_toolId: { tenantId: tenant.id, toolId: tool.id } };
    const before = await tx.tenantToolPolicy.findUnique({ where: key, select: { pinnedVersion: true, requestsPerMinute: true, callsPerDay: true } });
    const data = { pinnedVersion: input.pinnedVersion, requestsPerMinute: input.requestsPerMinute, callsPerDay: input.callsPerDay };
    await tx.tenantToolPolicy.upsert({ where: key, create: { tenantId: tenant.id, toolId: tool.id, ...data }, update: data });
    await writeAudit(tx, actor, {
      requestId: newRequestId(),
      tenantId: tenant.id,
      action: 'tool_policy.updated',
      resourceType: 'tenant_tool_policy',
      resourceId: `${tenant.slug}/${tool.slug}`,
      toolSlug: tool.slug,
      details: { before, after: data, reason: input.reason },
      resourcesTouched: [`tenant:${tenant.slug}`, `tool:${tool.slug}`],
    });
    return { tenant: tenant.slug, tool: tool.slug, ...data };
  });
}
