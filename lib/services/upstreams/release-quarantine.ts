import 'server-only';
// Called in the transaction that approves a tool version: an upstream tool quarantined because its upstream changed
// its definition is released when the approved version is that new definition (same hash).
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Actor } from '@/lib/policy';
import { ZToolConfig } from '@/lib/schemas/tool-config';
import { writeAudit } from '@/lib/server/audit';
import { newRequestId } from '@/lib/server/ids';

export async function releaseQuarantine(tx: Prisma.TransactionClient, actor: Actor, toolId: string, approvedHash: string): Promise<boolean> {
  const tool = await tx.tool.findUnique({ where: { id: toolId }, select: { slug: true, kind: true, config: true, servedVersion: true } });
  if (!tool || tool.kind !== 'upstream_mcp') return false;
  const c = ZToolConfig.safeParse(tool.config);
  if (!c.success || c.data.kind !== 'upstream_mcp' || !c.data.quarantined || c.data.remoteHash !== approvedHash) return false;
  const { quarantined, ...rest } = c.data;
  await tx.tool.update({ where: { id: toolId }, data: { config: rest as Prisma.InputJsonValue } });
  await writeAudit(tx, actor, {
    requestId: newRequestId(), action: 'tool.quarantine_lifted', resourceType: 'tool', resourceId: tool.slug, toolSlug: tool.slug, toolVersion: tool.servedVersion,
    details: { reason: 'the changed definition was reviewed and approved', definitionHash: approvedHash, quarantinedSince: quarantined.since },
  });
  return true;
}
