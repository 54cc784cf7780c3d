import 'server-only';
// One audit event with everything it holds, and the other events of its request (a held call's approval decisions
// and execution share the request id). Another tenant's event is NOT_FOUND, exactly like an unknown id.
import { AppError } from '@/lib/errors';
import { assertCan, tenantScope, type Actor } from '@/lib/policy';
import type { AuditChainPosition, AuditEventDetail } from '@/lib/schemas/audit';
import { getDb } from '@/lib/server/db/client';
import { tenantSlugs, toAuditDto, type AuditRow } from './audit-search';

const RELATED_LIMIT = 100;

function traceIdOf(details: unknown): string | null {
  if (!details || typeof details !== 'object' || Array.isArray(details)) return null;
  const t = (details as Record<string, unknown>).traceId;
  return typeof t === 'string' && t ? t : null;
}

/** Position in the hash chain (assigned at insert) and, once the asynchronous sealer has reached it, its seal. */
function chainOf(seq: bigint, seal: { hash: string; prevHash: string; sealedAt: Date } | null): AuditChainPosition {
  return { seq: seq.toString(), hash: seal?.hash ?? null, prevHash: seal?.prevHash ?? null, sealedAt: seal?.sealedAt.toISOString() ?? null };
}

export async function getAuditEventOrThrow({ actor, id }: { actor: Actor; id: string }): Promise<AuditEventDetail> {
  assertCan(actor, 'audit.read');
  const db = await getDb();
  const scope = tenantScope(actor);
  const row = await db.auditEvent.findFirst({ where: { id, ...scope } });
  if (!row) throw new AppError('NOT_FOUND', { userMessage: 'No such audit event.' });
  const [slugs, related, seal] = await Promise.all([
    tenantSlugs(db),
    db.auditEvent.findMany({ where: { requestId: row.requestId, id: { not: row.id }, ...scope }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], take: RELATED_LIMIT }),
    db.auditSeal.findUnique({ where: { seq: row.seq } }),
  ]);
  const dto = (r: typeof row) => toAuditDto(r as AuditRow, slugs);
  return {
    ...dto(row),
    inputBytes: row.inputBytes,
    outputBytes: row.outputBytes,
    details: row.details ?? null,
    traceId: row.traceId ?? traceIdOf(row.details), // the column (since it exists), else what older events kept in details
    chain: chainOf(row.seq, seal),
    related: related.map(dto),
  };
}
