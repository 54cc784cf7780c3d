import 'server-only';
// Retention: deletes a tenant's audit events older than its TenantPolicy.auditRetentionDays (default 365), only up to
// the last signed checkpoint before the cut, which becomes the chain's anchor (audit:verify starts there), so the
// chain after it stays verifiable. The database lets only this transaction delete (audit.purge, see the
// AuditEvent_append_only trigger: sealed events at or before the tenant's anchor), and the purge is itself audited.
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/policy';
import { writeAudit } from '@/lib/server/audit';
import { getDb } from '@/lib/server/db/client';
import { newRequestId } from '@/lib/server/ids';

export const DEFAULT_AUDIT_RETENTION_DAYS = 365;

export interface AuditPurgeResult {
  tenantId: string;
  retentionDays: number;
  cut: string;
  anchorSeq: string | null;
  deleted: number;
}

export async function purgeAuditEvents({ actor, tenantId, now = new Date() }: { actor: Actor; tenantId: string; now?: Date }): Promise<AuditPurgeResult> {
  if (actor.kind !== 'system' && !actor.roles.includes('platform_admin')) {
    throw new AppError('FORBIDDEN', { userMessage: 'Only platform administrators and the purge job may purge audit events.' });
  }
  const db = await getDb();
  const policy = await db.tenantPolicy.findUnique({ where: { tenantId }, select: { auditRetentionDays: true } });
  const retentionDays = policy?.auditRetentionDays ?? DEFAULT_AUDIT_RETENTION_DAYS;
  const cut = new Date(now.getTime() - retentionDays * 86_400_000);
  const cutText = cut.toISOString();
  return db.$transaction(async (tx) => {
    const [expired] = await tx.$queryRaw<{ maxSeq: string | null }[]>`
      SELECT max("seq")::text AS "maxSeq" FROM "AuditEvent" WHERE "tenantId" = ${tenantId} AND "createdAt" < ${cutText}::timestamp(3)
        AND "seq" <= (SELECT coalesce(max("seq"), 0) FROM "AuditSeal")`;
    const [anchor] = expired?.maxSeq
      ? await tx.$queryRaw<{ seq: string; hash: string }[]>`
          SELECT "seq"::text AS seq, "hash" FROM "AuditCheckpoint" WHERE "seq" <= ${expired.maxSeq}::bigint ORDER BY "AuditCheckpoint"."seq" DESC LIMIT 1`
      : [];
    if (!anchor) return { tenantId, retentionDays, cut: cutText, anchorSeq: null, deleted: 0 };
    await tx.$executeRaw`INSERT INTO "AuditChainAnchor" ("id", "seq", "hash", "tenantId") VALUES (gen_random_uuid()::text, ${anchor.seq}::bigint, ${anchor.hash}, ${tenantId})`;
    await tx.$executeRaw`SELECT set_config('audit.purge', 'on', true)`;
    const deleted = await tx.$executeRaw`
      DELETE FROM "AuditEvent" WHERE "tenantId" = ${tenantId} AND "createdAt" < ${cutText}::timestamp(3) AND "seq" <= ${anchor.seq}::bigint`; // sealed: a checkpoint is signed only at a sealed position
    await tx.$executeRaw`SELECT set_config('audit.purge', 'off', true)`;
    await writeAudit(tx, actor, {
      requestId: newRequestId(), tenantId, action: 'audit.purged', resourceType: 'tenant', resourceId: tenantId,
      details: { anchorSeq: anchor.seq, cut: cutText, retentionDays, deleted },
    });
    return { tenantId, retentionDays, cut: cutText, anchorSeq: anchor.seq, deleted };
  }, { timeout: 600_000 });
}
