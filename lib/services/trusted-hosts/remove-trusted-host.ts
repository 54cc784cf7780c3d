import 'server-only';
// A platform admin stops trusting a private destination. Audited; applies to calls within the /mcp cache period.
import { AppError } from '@/lib/errors';
import { assertCan, type Actor } from '@/lib/policy';
import { ZRemoveTrustedHostInput } from '@/lib/schemas/trusted-hosts';
import { writeAudit } from '@/lib/server/audit';
import { parseInput } from '@/lib/server/boundary';
import { getDb } from '@/lib/server/db/client';
import { newRequestId } from '@/lib/server/ids';

export async function removeTrustedHost({ actor, ...raw }: { actor: Actor; id: string }): Promise<void> {
  const { id } = parseInput(ZRemoveTrustedHostInput, raw);
  assertCan(actor, 'trusted_host.manage');
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const row = await tx.trustedHost.findUnique({ where: { id } });
    if (!row) throw new AppError('NOT_FOUND', { userMessage: 'This trusted host does not exist (it may have been removed already).' });
    assertCan(actor, 'trusted_host.manage', { tenantId: row.tenantId });
    const r = await tx.trustedHost.deleteMany({ where: { id } });
    if (r.count !== 1) throw new AppError('NOT_FOUND', { userMessage: 'This trusted host does not exist (it may have been removed already).' });
    await writeAudit(tx, actor, {
      requestId: newRequestId(), action: 'trusted_host.removed', resourceType: 'trusted_host', resourceId: id, tenantId: row.tenantId,
      details: { pattern: row.pattern, note: row.note, platformWide: row.tenantId === null },
    });
  });
}
