import 'server-only';
// Export of an audit search as CSV or JSON Lines, streamed: keyset batches of BATCH rows are read only when the
// consumer pulls, so memory stays flat whatever the size (1,000,000 rows and more). The export itself is audited
// (audit.exported, with its filters) before the first row leaves: no record, no export.
import { assertCan, type Actor } from '@/lib/policy';
import type { TAuditEventDto, TAuditExportInput } from '@/lib/schemas/audit';
import { writeAudit } from '@/lib/server/audit';
import { getDb } from '@/lib/server/db/client';
import { newRequestId } from '@/lib/server/ids';
import { keysetCondition, ROW_COLUMNS, searchWhere, tenantSlugs, timeRange, toAuditDto, type AuditRow, type Keyset } from './audit-search';
import { csvLine } from './csv';

const BATCH = 2_000;

// The chain position and hash travel with each row, so a SIEM can check what it received against audit:verify.
// The trace id joins a row to the caller's distributed trace.
type ExportRow = TAuditEventDto & { details: unknown; traceId: string | null; seq: string; hash: string | null };
const CSV_COLUMNS = ['id', 'createdAt', 'requestId', 'tenant', 'actorKind', 'actor', 'actorId', 'via', 'action', 'resourceType', 'resourceId', 'toolSlug', 'toolVersion', 'outcome', 'errorCode', 'latencyMs', 'costMicros', 'ip', 'resourcesTouched', 'details', 'traceId', 'seq', 'hash'] as const;

function csvRow(e: ExportRow): string {
  return csvLine(CSV_COLUMNS.map((c) => (c === 'resourcesTouched' ? e.resourcesTouched.join(' ') : c === 'details' ? (e.details === null ? null : JSON.stringify(e.details)) : e[c])));
}

export interface AuditExport {
  body: ReadableStream<Uint8Array>;
  contentType: string;
  filename: string;
}

export async function exportAuditEvents({ actor, query }: { actor: Actor; query: TAuditExportInput }): Promise<AuditExport> {
  assertCan(actor, 'audit.read');
  const { format, ...search } = query;
  timeRange(search); // a "From" after "To" fails here, before anything is recorded
  const db = await getDb();
  const slugs = await tenantSlugs(db);
  const where = await searchWhere(db, actor, search, slugs);
  const filters = Object.fromEntries(Object.entries(search).filter(([, v]) => v !== undefined && v !== ''));
  await writeAudit(db, actor, { requestId: newRequestId(), action: 'audit.exported', resourceType: 'audit_event', tenantId: actor.tenantId, details: { format, filters } });

  const encoder = new TextEncoder();
  let after: Keyset | null = null;
  let started = false;
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const rows = await db.$queryRaw<(AuditRow & { details: unknown; traceId: string | null; seq: string; hash: string | null })[]>`SELECT ${ROW_COLUMNS}, "details", "traceId", "seq"::text AS "seq",
          (SELECT s."hash" FROM "AuditSeal" s WHERE s."seq" = "AuditEvent"."seq") AS "hash"
          FROM "AuditEvent" ${where} ${keysetCondition(after)} ORDER BY "createdAt" DESC, "id" DESC LIMIT ${BATCH}`;
        let chunk = '';
        if (!started && format === 'csv') chunk += csvLine([...CSV_COLUMNS]);
        started = true;
        for (const r of rows) {
          const e: ExportRow = { ...toAuditDto(r, slugs), details: r.details ?? null, traceId: r.traceId, seq: r.seq, hash: r.hash };
          chunk += format === 'csv' ? csvRow(e) : `${JSON.stringify(e)}\n`;
        }
        if (chunk) controller.enqueue(encoder.encode(chunk));
        const last = rows.at(-1);
        if (rows.length < BATCH || !last) controller.close();
        else after = { at: new Date(last.createdAt), id: last.id };
      },
    },
    { highWaterMark: 1 },
  );
  const stamp = new Date().toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  return {
    body,
    contentType: format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
    filename: `audit-${stamp}.${format === 'csv' ? 'csv' : 'jsonl'}`,
  };
}
