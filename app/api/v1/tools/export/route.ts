// GET /api/v1/tools/export?format=json|csv — every tool matching the filters, as a download.
import { ZExportToolsInput } from '@/lib/schemas/catalogue';
import { requireActor } from '@/lib/server/auth/actor';
import { runRoute } from '@/lib/server/boundary';
import { exportTools } from '@/lib/services/catalogue/export-tools';
import { parseQuery } from '../parse-query';

export const dynamic = 'force-dynamic';

export function GET(req: Request) {
  return runRoute(async () => {
    const actor = await requireActor('api');
    const input = parseQuery(ZExportToolsInput, req.url);
    const file = await exportTools({ actor, ...input });
    return new Response(file.body, {
      headers: { 'Content-Type': file.contentType, 'Content-Disposition': `attachment; filename="${file.filename}"`, 'Cache-Control': 'no-store' },
    });
  });
}
