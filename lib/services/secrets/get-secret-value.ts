import 'server-only';
// For tools only (server side, inside the /mcp pipeline): the decrypted value of a tenant's secret, or null.
// Never call this from a portal page, an action or an API route: secret values never leave the server.
import { getDb } from '@/lib/server/db/client';
import { decryptSecret } from '@/lib/server/secrets';

export async function getSecretValue(tenantId: string, toolSlug: string, name: string): Promise<string | null> {
  const db = await getDb();
  const row = await db.tenantSecret.findUnique({ where: { tenantId_toolSlug_name: { tenantId, toolSlug, name } }, select: { keyId: true, iv: true, ciphertext: true, authTag: true } });
  return row ? decryptSecret(row) : null;
}
