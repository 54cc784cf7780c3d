import 'server-only';
// The audit chain's state for the Audit page: how far it is sealed, what is not sealed yet, the last signed checkpoint
// and the last audit:verify run.
import { assertCan, type Actor } from '@/lib/policy';
import { getDb } from '@/lib/server/db/client';

export interface AuditChainStatus {
  sealedUpTo: string | null; // seq of the last sealed event (decimal string: BIGINT)
  unsealed: number; // events written but not sealed yet
  lastCheckpoint: { seq: string; at: Date; keyId: string } | null;
  lastVerification: { at: Date; ok: boolean; message: string } | null;
}

export async function getAuditChainStatus({ actor }: { actor: Actor }): Promise<AuditChainStatus> {
  assertCan(actor, 'audit.read');
  const db = await getDb();
  const [head] = await db.$queryRaw<{ seq: string }[]>`SELECT "seq"::text AS seq FROM "AuditSeal" ORDER BY "AuditSeal"."seq" DESC LIMIT 1`;
  // The unsealed tail, read through the seq index.
  const [pending] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "AuditEvent" WHERE "seq" > ${head?.seq ?? '0'}::bigint`;
  const cp = await db.auditCheckpoint.findFirst({ orderBy: { seq: 'desc' }, select: { seq: true, createdAt: true, keyId: true } });
  const v = await db.auditVerification.findFirst({ orderBy: { at: 'desc' }, select: { at: true, ok: true, message: true } });
  return {
    sealedUpTo: head?.seq ?? null,
    unsealed: Number(pending?.n ?? 0),
    lastCheckpoint: cp ? { seq: cp.seq.toString(), at: cp.createdAt, keyId: cp.keyId } : null,
    lastVerification: v,
  };
}
