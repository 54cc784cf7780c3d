// GET /api/v1/tools — the catalogue list with the same filters as the portal page (see ZFindToolsInput).
import { ZFindToolsInput } from '@/lib/schemas/catalogue';
import { requireActor } from '@/lib/server/auth/actor';
import { runRoute } from '@/lib/server/boundary';
import { findTools } from '@/lib/services/catalogue/find-tools';
import { parseQuery } from './parse-query';

export const dynamic = 'force-dynamic';

export function GET(req: Request) {
  return runRoute(async () => {
    const actor = await requireActor('api');
    const input = parseQuery(ZFindToolsInput, req.url);
    const { items, total, page, pageSize, pageCount, counts } = await findTools({ actor, ...input });
    return { items, total, page, pageSize, pageCount, counts };
  });
}
