import 'server-only';
// A tenant's secrets as the settings page lists them: tool, name, last 4 characters, key id, when. Never a value.
import { assertCan, type Actor } from '@/lib/policy';
import { ZSecretDto } from '@/lib/schemas/tenant-policy';
import type { TSecretsView } from '@/lib/schemas/settings-view';
import { getDb } from '@/lib/server/db/client';

export async function findSecrets({ actor, tenantId }: { actor: Actor; tenantId: string }): Promise<TSecretsView> {
  assertCan(actor, 'secret.manage', { tenantId });
  const db = await getDb();
  const [rows, tools] = await Promise.all([
    db.tenantSecret.findMany({
      where: { tenantId },
      orderBy: [{ toolSlug: 'asc' }, { name: 'asc' }],
      select: { id: true, toolSlug: true, name: true, last4: true, keyId: true, updatedAt: true },
    }),
    db.tool.findMany({ where: { lifecycle: { not: 'retired' } }, orderBy: { slug: 'asc' }, select: { slug: true, title: true } }),
  ]);
  return { secrets: rows.map((r) => ZSecretDto.parse({ ...r, updatedAt: r.updatedAt.toISOString() })), tools };
}
