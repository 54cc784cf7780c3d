import 'server-only';
// Key rotation: re-encrypts everything encrypted under a master key other than the current primary one (the first
// of SECRETS_MASTER_KEYS): tenant secrets, and the arguments of held calls (ApprovalRequest.argumentsEnc, history
// included, so an operator can still reveal them once the old key is gone). One transaction per batch; each row is
// updated guarded on the value it was read with, so a concurrent change wins. Idempotent: a second run finds nothing
// to do. Audited per batch with counts, never values.
import { reencryptArguments } from '@/lib/services/approvals/approval-arguments';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Actor } from '@/lib/policy';
import { writeAudit } from '@/lib/server/audit';
import { getDb } from '@/lib/server/db/client';
import { decryptSecret, encryptSecret, masterKeys, type MasterKey } from '@/lib/server/secrets';
import { newRequestId } from '@/lib/server/ids';

export interface RotationCounts {
  total: number;
  alreadyCurrent: number;
  rotated: number;
  failed: { id: string; keyId: string; reason: string }[];
  batches: number;
}

/** Tenant secrets at the top level; held calls' arguments under `approvals`. */
export interface RotationReport extends RotationCounts {
  /** Approval webhooks' signing secrets re-encrypted under the primary key. */
  webhookSecretsRotated: number;
  primaryKeyId: string;
  approvals: RotationCounts;
}

interface Options {
  batchSize?: number;
  keys?: MasterKey[];
  tenantIds?: string[];
}

const SYSTEM: Actor = { kind: 'system', id: 'secrets-rotate', label: 'secrets:rotate', tenantId: null, teamIds: [], roles: [], via: 'cli', ip: null };

/**
 * The batched loop both kinds share: `next` reads up to batchSize rows not yet under the primary key after the
 * cursor, `rotate` re-encrypts one row (guarded) and says whether it changed it; a row that cannot be decrypted is
 * reported and skipped.
 */
async function inBatches<Row extends { id: string }>(
  counts: RotationCounts,
  opts: { batchSize: number; primaryKeyId: string; action: string; resourceType: string },
  next: (tx: Prisma.TransactionClient, cursor: string | undefined) => Promise<Row[]>,
  rotate: (tx: Prisma.TransactionClient, row: Row) => Promise<boolean>,
  keyIdOf: (row: Row) => string,
): Promise<void> {
  const db = await getDb();
  let cursor: string | undefined;
  for (;;) {
    const done = await db.$transaction(async (tx) => {
      const rows = await next(tx, cursor);
      if (rows.length === 0) return true;
      cursor = rows[rows.length - 1]!.id;
      let rotated = 0;
      for (const row of rows) {
        try {
          if (await rotate(tx, row)) rotated++;
        } catch (e) {
          counts.failed.push({ id: row.id, keyId: keyIdOf(row), reason: (e as Error).message });
        }
      }
      counts.rotated += rotated;
      counts.batches++;
      await writeAudit(tx, SYSTEM, {
        requestId: newRequestId(), tenantId: null, action: opts.action, resourceType: opts.resourceType,
        details: { primaryKeyId: opts.primaryKeyId, rotated, failed: rows.length - rotated },
      });
      return rows.length < opts.batchSize;
    });
    if (done) return;
  }
}

const emptyCounts = (total: number): RotationCounts => ({ total, alreadyCurrent: 0, rotated: 0, failed: [], batches: 0 });

/** The key id an encrypted argument value was sealed under ("?" when it is not one). */
function argumentsKeyId(enc: string): string {
  try {
    return String((JSON.parse(enc) as { keyId?: unknown }).keyId ?? '?');
  } catch {
    return '?';
  }
}

export async function rotateSecrets(opts: Options = {}): Promise<RotationReport> {
  const keys = opts.keys ?? masterKeys();
  const primary = keys[0]!;
  const batchSize = Math.max(1, opts.batchSize ?? 100);
  const db = await getDb();
  const scope = opts.tenantIds ? { tenantId: { in: opts.tenantIds } } : {};
  const after = (cursor: string | undefined) => (cursor ? { id: { gt: cursor } } : {});

  const secrets = emptyCounts(await db.tenantSecret.count({ where: scope }));
  await inBatches(secrets, { batchSize, primaryKeyId: primary.id, action: 'secret.rotated', resourceType: 'tenant_secret' },
    (tx, cursor) => tx.tenantSecret.findMany({
      where: { ...scope, keyId: { not: primary.id }, ...after(cursor) }, orderBy: { id: 'asc' }, take: batchSize,
      select: { id: true, keyId: true, iv: true, ciphertext: true, authTag: true },
    }),
    async (tx, row) => {
      const enc = encryptSecret(decryptSecret(row, keys), keys);
      return (await tx.tenantSecret.updateMany({ where: { id: row.id, keyId: row.keyId }, data: enc })).count === 1;
    },
    (row) => row.keyId);
  secrets.alreadyCurrent = (await db.tenantSecret.count({ where: { ...scope, keyId: primary.id } })) - secrets.rotated;

  // sealArguments writes JSON.stringify(encryptSecret(…)), whose first member is the key id: a prefix names the key.
  const underPrimary = { startsWith: `{"keyId":${JSON.stringify(primary.id)},` };
  const approvals = emptyCounts(await db.approvalRequest.count({ where: scope }));
  await inBatches(approvals, { batchSize, primaryKeyId: primary.id, action: 'approval_arguments.rotated', resourceType: 'approval' },
    (tx, cursor) => tx.approvalRequest.findMany({
      where: { ...scope, NOT: { argumentsEnc: underPrimary }, ...after(cursor) }, orderBy: { id: 'asc' }, take: batchSize,
      select: { id: true, argumentsEnc: true },
    }),
    async (tx, row) => {
      const enc = reencryptArguments(row.argumentsEnc, keys);
      if (enc === null) return false;
      return (await tx.approvalRequest.updateMany({ where: { id: row.id, argumentsEnc: row.argumentsEnc }, data: { argumentsEnc: enc } })).count === 1;
    },
    (row) => argumentsKeyId(row.argumentsEnc));
  approvals.alreadyCurrent = (await db.approvalRequest.count({ where: { ...scope, argumentsEnc: underPrimary } })) - approvals.rotated;

  // Approval webhooks' signing secrets (one per tenant at most), stored like held arguments.
  const webhooks = await db.tenantPolicy.findMany({ where: { ...scope, approvalWebhookSecret: { not: null }, NOT: { approvalWebhookSecret: underPrimary } }, select: { tenantId: true, approvalWebhookSecret: true } });
  let webhookSecretsRotated = 0;
  for (const w of webhooks) {
    let enc: string | null;
    try {
      enc = reencryptArguments(w.approvalWebhookSecret!, keys);
    } catch {
      continue; // under a key no longer configured: left as it is (the webhook cannot sign until it is set again)
    }
    if (enc && (await db.tenantPolicy.updateMany({ where: { tenantId: w.tenantId, approvalWebhookSecret: w.approvalWebhookSecret }, data: { approvalWebhookSecret: enc } })).count === 1) webhookSecretsRotated++;
  }

  return { primaryKeyId: primary.id, ...secrets, approvals, webhookSecretsRotated };
}
