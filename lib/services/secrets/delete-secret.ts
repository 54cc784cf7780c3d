import 'server-only';
// Delete a tenant secret (tenant-scoped: another tenant's secret is "not found"); audited without any value.
import { AppError } from '@/lib/errors';
import { assertCan, type Actor } from '@/lib/policy';
import { ZDeleteSecretInput } from '@/lib/schemas/tenant-policy';
import { writeAudit } from '@/lib/server/audit';
import { parseInput } from '@/lib/server/boundary';
import { getDb } from '@/lib/server/db/client';
import { newRequestId } from '@/lib/server/ids';

export async function deleteSecret({ actor, ...raw }: { actor: Actor; tenantId: string; secretId: string }) {
  const input = parseInput(ZDeleteSecretInput, raw);
  assertCan(actor, 'secret.manage', { tenantId: input.tenantId });
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const secret = await tx.tenantSecret.findFirst({ where: { id: input.secretId, tenantId: input.tenantId }, select: { id: true, toolSlug: true, name: true, tenant: { select: { slug: true } } } });
    if (!secret) throw new AppError('NOT_FOUND', { userMessage: 'Secret not found.' });
    const deleted = await tx.tenantSecret.deleteMany({ where: { id: secret.id, tenantId: input.tenantId } });
    if (deleted.count !== 1) throw new AppError('CONFLICT', { userMessage: 'This secret was already deleted.' });
    await writeAudit(tx, actor, {
      requestId: newRequestId(),
      tenantId: input.tenantId,
      action: 'secret.deleted',
      resourceType: 'tenant_secret',
      resourceId: secret.id,
      toolSlug: secret.toolSlug,
      details: { toolSlug: secret.toolSlug, name: secret.name },
      resourcesTouched: [`tenant:${secret.tenant.slug}`, `tool:${secret.toolSlug}`],
    });
    return { id: secret.id };
  });
}
