import 'server-only';
// An upstream server's credential, kept like every tenant secret (AES-256-GCM under the current master key, only
// the last 4 characters in clear, rotated with the others), under the scope `upstream:<namespace>`. The value is
// never returned, logged or audited.
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Actor } from '@/lib/policy';
import { writeAudit } from '@/lib/server/audit';
import { newRequestId } from '@/lib/server/ids';
import { encryptSecret } from '@/lib/server/secrets';
import { last4Of } from '@/lib/services/secrets/set-secret';
import { upstreamSecretScope } from './shared';

export async function storeUpstreamCredential(tx: Prisma.TransactionClient, actor: Actor, tenantId: string, namespace: string, name: string, value: string): Promise<{ replaced: boolean; last4: string; updatedAt: Date }> {
  const toolSlug = upstreamSecretScope(namespace);
  const key = { tenantId_toolSlug_name: { tenantId, toolSlug, name } };
  const existed = await tx.tenantSecret.findUnique({ where: key, select: { id: true } });
  const enc = encryptSecret(value);
  const data = { ...enc, last4: last4Of(value) };
  const row = await tx.tenantSecret.upsert({ where: key, create: { tenantId, toolSlug, name, ...data }, update: data });
  await writeAudit(tx, actor, {
    requestId: newRequestId(), tenantId, action: existed ? 'secret.replaced' : 'secret.created', resourceType: 'tenant_secret', resourceId: row.id,
    details: { scope: toolSlug, name, keyId: enc.keyId }, resourcesTouched: [`upstream:${namespace}`],
  });
  return { replaced: existed !== null, last4: row.last4, updatedAt: row.updatedAt };
}
