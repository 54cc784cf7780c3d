import 'server-only';
// One page of an audit search, newest first, keyset-paginated on (createdAt, id): pass nextCursor back as cursor.
// The count is exact up to AUDIT_COUNT_LIMIT (a count over a LIMITed subquery, so it never reads more than that
// many index entries), and "at least" beyond it.
import { assertCan, type Actor } from '@/lib/policy';
import { AUDIT_COUNT_LIMIT, type AuditPage, type TFindAuditEventsInput } from '@/lib/schemas/audit';
import { getDb } from '@/lib/server/db/client';
import { decodeCursor, encodeCursor, keysetCondition, ROW_COLUMNS, searchWhere, tenantSlugs, toAuditDto, type AuditRow } from './audit-search';

export async function findAuditEvents({ actor, query }: { actor: Actor; query: TFindAuditEventsInput }): Promise<AuditPage> {
  assertCan(actor, 'audit.read');
  const { cursor, limit, ...search } = query;
  const db = await getDb();
  const after = decodeCursor(cursor);
  const slugs = await tenantSlugs(db);
  const where = await searchWhere(db, actor, search, slugs);
  const [rows, counted] = await Promise.all([
    db.$queryRaw<AuditRow[]>`SELECT ${ROW_COLUMNS} FROM "AuditEvent" ${where} ${keysetCondition(after)} ORDER BY "createdAt" DESC, "id" DESC LIMIT ${limit + 1}`,
    db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM (SELECT 1 FROM "AuditEvent" ${where} LIMIT ${AUDIT_COUNT_LIMIT + 1}) AS matches`,
  ]);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const n = Number(counted[0]?.n ?? 0);
  return {
    items: page.map((r) => toAuditDto(r, slugs)),
    nextCursor: rows.length > limit && last ? encodeCursor({ at: new Date(last.createdAt), id: last.id }) : null,
    count: { value: Math.min(n, AUDIT_COUNT_LIMIT), atLeast: n > AUDIT_COUNT_LIMIT },
  };
}
