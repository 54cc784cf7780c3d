import 'server-only';
// The tool's owner (or a platform admin) sets the contract examples of one version. Examples are test data, not
// part of the reviewed definition (they are outside the definition hash), so they change in place; a change makes
// the version's earlier runs stale, so the gate asks for a new run. Audited in the same transaction.
import { AppError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import { assertCan, type Actor } from '@/lib/policy';
import type { TContractExamples } from '@/lib/schemas/contracts';
import { writeAudit } from '@/lib/server/audit';
import { getDb } from '@/lib/server/db/client';
import { newRequestId } from '@/lib/server/ids';

export async function saveContractExamples({ actor, slug, versionId, examples }: { actor: Actor; slug: string; versionId: string; examples: TContractExamples }) {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const v = await tx.toolVersion.findFirst({ where: { id: versionId, tool: { slug } }, select: { id: true, version: true, status: true, tool: { select: { id: true, slug: true, ownerUserId: true } } } });
    if (!v) throw new AppError('NOT_FOUND', { userMessage: 'This version does not exist for this tool: reload the page.' });
    assertCan(actor, 'tool.edit', { ownerUserId: v.tool.ownerUserId });
    if (v.status === 'rejected' || v.status === 'superseded') throw new AppError('INVALID_STATE', { userMessage: `Version ${v.version} is ${v.status}: its contract can no longer change.` });
    await tx.toolVersion.update({ where: { id: v.id }, data: { contractExamples: examples as unknown as Prisma.InputJsonValue } });
    // Earlier runs tested other examples: they no longer speak for this version.
    await tx.contractRun.deleteMany({ where: { toolVersionId: v.id } });
    await writeAudit(tx, actor, {
      requestId: newRequestId(), action: 'tool_contract.examples_updated', resourceType: 'tool_version', resourceId: v.id, toolSlug: v.tool.slug, toolVersion: v.version,
      tenantId: null, details: { examples: examples.map((e) => e.name) },
    });
    return { versionId: v.id, version: v.version, count: examples.length };
  });
}
