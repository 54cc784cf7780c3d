import 'server-only';
// Kill switch: one tool off for one tenant (tenant admins of that tenant, platform admins) or everywhere
// (platform admins: tool.kill_global). It overrides every activation rule on the next /mcp call.
import { assertCan, type Actor } from '@/lib/policy';
import type { TSetKillSwitchInput } from '@/lib/schemas/activation';
import { writeAudit } from '@/lib/server/audit';
import { getDb } from '@/lib/server/db/client';
import { getTenantOrThrow, getToolOrThrow } from './shared';
import { newRequestId } from '@/lib/server/ids';

export async function setKillSwitch({ actor, tenantId, toolId, killed, reason }: TSetKillSwitchInput & { actor: Actor }) {
  if (tenantId === null) assertCan(actor, 'tool.kill_global');
  else assertCan(actor, 'activation.manage', { tenantId });
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const tool = await getToolOrThrow(tx, toolId);
    const killedReason = killed ? reason : null;
    let tenantSlug: string | null = null;
    if (tenantId === null) {
      await tx.tool.update({ where: { id: tool.id }, data: { killedGlobally: killed, killedReason } });
    } else {
      const tenant = await getTenantOrThrow(tx, tenantId);
      tenantSlug = tenant.slug;
      await tx.tenantToolPolicy.upsert({
        where: { tenantId_toolId: { tenantId: tenant.id, toolId: tool.id } },
        create: { tenantId: tenant.id, toolId: tool.id, killed, killedReason },
        update: { killed, killedReason },
      });
    }
    await writeAudit(tx, actor, {
      requestId: newRequestId(),
      tenantId,
      action: killed ? 'tool.killed' : 'tool.revived',
      resourceType: 'tool',
      resourceId: tool.id,
      toolSlug: tool.slug,
      details: { scope: tenantId === null ? 'global' : 'tenant', tenant: tenantSlug, reason },
      resourcesTouched: [`tool:${tool.slug}`, ...(tenantSlug ? [`tenant:${tenantSlug}`] : [])],
    });
    return { tool: tool.slug, tenant: tenantSlug, killed };
  });
}
