// GET /api/v1/audit/export?format=csv|jsonl&<the filters of /api/v1/audit> — the whole search as a streamed
// download (constant memory). Audited as audit.exported.
import { ZAuditExportInput } from '@/lib/schemas/audit';
import { requireActor } from '@/lib/server/auth/actor';
import { runRoute } from '@/lib/server/boundary';
import { exportAuditEvents } from '@/lib/services/audit/export-audit-events';
import { parseQuery } from '../../tools/parse-query';

export const dynamic = 'force-dynamic';

export function GET(req: Request) {
  return runRoute(async () => {
    const actor = await requireActor('api');
    const file = await exportAuditEvents({ actor, query: parseQuery(ZAuditExportInput, req.url) });
    return new Response(file.body, {
      headers: { 'Content-Type': file.contentType, 'Content-Disposition': `attachment; filename="${file.filename}"`, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' },
    });
  });
}
