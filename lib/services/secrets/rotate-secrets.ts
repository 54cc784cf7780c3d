import 'server-only';
// Key rotation: re-encrypts every tenant secret not yet under the current primary master key (the first of
// SECRETS_MASTER_KEYS), one transaction per batch, each row guarded on its old key id (a concurrent write wins).
// Idempotent: a second run finds nothing to do. Audited per batch with counts, never values.
import type { Actor } from '@/lib/policy';
import { writeAudit } from '@/lib/server/audit';
import { getDb } from '@/lib/server/db/client';
import { decryptSecret, encryptSecret, masterKeys, type MasterKey } from '@/lib/server/secrets';
import { newRequestId } from '@/lib/server/ids';

export interface RotationReport {
  primaryKeyId: string;
  total: number;
  alreadyCurrent: number;
  rotated: number;
  failed: { id: string; keyId: string; reason: string }[];
  batches: number;
}

const SYSTEM: Actor = { kind: 'system', id: 'secrets-rotate', label: 'secrets:rotate', tenantId: null, teamIds: [], roles: [], via: 'cli', ip: null };

export async function rotateSecrets(opts: { batchSize?: number; keys?: MasterKey[]; tenantIds?: string[] } = {}): Promise<RotationReport> {
  const keys = opts.keys ?? masterKeys();
  const primary = keys[0]!;
  const batchSize = Math.max(1, opts.batchSize ?? 100);
  const db = await getDb();
  const scope = opts.tenantIds ? { tenantId: { in: opts.tenantIds } } : {};
  const total = await db.tenantSecret.count({ where: scope });
  const report: RotationReport = { primaryKeyId: primary.id, total, alreadyCurrent: 0, rotated: 0, failed: [], batches: 0 };
  let cursor: string | undefined;
  for (;;) {
    const done = await db.$transaction(async (tx) => {
      const rows = await tx.tenantSecret.findMany({
        where: { ...scope, keyId: { not: primary.id }, ...(cursor ? { id: { gt: cursor } } : {}) },
        orderBy: { id: 'asc' },
        take: batchSize,
        select: { id: true, keyId: true, iv: true, ciphertext: true, authTag: true },
      });
      if (rows.length === 0) return true;
      cursor = rows[rows.length - 1]!.id;
      let rotated = 0;
      for (const row of rows) {
        let plain: string;
        try {
          plain = decryptSecret(row, keys);
        } catch (e) {
          report.failed.push({ id: row.id, keyId: row.keyId, reason: (e as Error).message });
          continue;
        }
        const enc = encryptSecret(plain, keys);
        const r = await tx.tenantSecret.updateMany({ where: { id: row.id, keyId: row.keyId }, data: enc });
        rotated += r.count;
      }
      report.rotated += rotated;
      report.batches++;
      await writeAudit(tx, SYSTEM, {
        requestId: newRequestId(), tenantId: null, action: 'secret.rotated', resourceType: 'tenant_secret',
        details: { primaryKeyId: primary.id, rotated, failed: rows.length - rotated },
      });
      return rows.length < batchSize;
    });
    if (done) break;
  }
  report.alreadyCurrent = (await db.tenantSecret.count({ where: { ...scope, keyId: primary.id } })) - report.rotated;
  return report;
}
