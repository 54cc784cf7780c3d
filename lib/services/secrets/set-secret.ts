import 'server-only';
// Set or replace a tenant secret for a tool (write-only): encrypted with AES-256-GCM under the current master key;
// only the last 4 characters (none for short values) are kept in clear. The value is never returned, logged or
// audited: the audit records which secret changed, not what it is.
import { AppError } from '@/lib/errors';
import { assertCan, type Actor } from '@/lib/policy';
import { ZSecretDto, ZSetSecretInput, type TSecretDto, type TSetSecretInput } from '@/lib/schemas/tenant-policy';
import { writeAudit } from '@/lib/server/audit';
import { parseInput } from '@/lib/server/boundary';
import { getDb } from '@/lib/server/db/client';
import { encryptSecret } from '@/lib/server/secrets';
import { newRequestId } from '@/lib/server/ids';

/** The characters shown after saving: the last 4, or none when the value is too short to hide the rest. */
export const last4Of = (value: string) => (value.length >= 12 ? value.slice(-4) : '');

export async function setSecret({ actor, ...raw }: TSetSecretInput & { actor: Actor }): Promise<TSecretDto & { replaced: boolean }> {
  const input = parseInput(ZSetSecretInput, raw);
  assertCan(actor, 'secret.manage', { tenantId: input.tenantId });
  const db = await getDb();
  const enc = encryptSecret(input.value);
  return db.$transaction(async (tx) => {
    const tenant = await tx.tenant.findUnique({ where: { id: input.tenantId }, select: { id: true, slug: true } });
    if (!tenant) throw new AppError('NOT_FOUND', { userMessage: 'Tenant not found.' });
    if (!(await tx.tool.findUnique({ where: { slug: input.toolSlug }, select: { id: true } }))) {
      throw new AppError('VALIDATION', { userMessage: `Unknown tool "${input.toolSlug}".`, fieldErrors: { toolSlug: ['Choose a tool of the catalogue.'] } });
    }
    const key = { tenantId_toolSlug_name: { tenantId: tenant.id, toolSlug: input.toolSlug, name: input.name } };
    const existed = await tx.tenantSecret.findUnique({ where: key, select: { id: true } });
    const data = { ...enc, last4: last4Of(input.value) };
    const row = await tx.tenantSecret.upsert({ where: key, create: { tenantId: tenant.id, toolSlug: input.toolSlug, name: input.name, ...data }, update: data });
    await writeAudit(tx, actor, {
      requestId: newRequestId(),
      tenantId: tenant.id,
      action: existed ? 'secret.replaced' : 'secret.created',
      resourceType: 'tenant_secret',
      resourceId: row.id,
      toolSlug: input.toolSlug,
      details: { toolSlug: input.toolSlug, name: input.name, keyId: enc.keyId },
      resourcesTouched: [`tenant:${tenant.slug}`, `tool:${input.toolSlug}`],
    });
    const dto = ZSecretDto.parse({ id: row.id, toolSlug: row.toolSlug, name: row.name, last4: row.last4, keyId: row.keyId, updatedAt: row.updatedAt.toISOString() });
    return { ...dto, replaced: existed !== null };
  });
}
