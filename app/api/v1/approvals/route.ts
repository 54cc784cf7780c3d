// GET /api/v1/approvals?status=pending|decided&q=&cursor=&limit= — the approval inbox (pending) or its history
// (decided), keyset-paginated: pass nextCursor back as cursor. Same policy as the portal (approval.read).
import { ZApprovalListQuery } from '@/lib/schemas/approvals';
import { requireActor } from '@/lib/server/auth/actor';
import { runRoute } from '@/lib/server/boundary';
import { findApprovalRequests } from '@/lib/services/approvals/find-approval-requests';
import { parseQuery } from '../tools/parse-query';

export const dynamic = 'force-dynamic';

export function GET(req: Request) {
  return runRoute(async () => {
    const actor = await requireActor('api');
    return findApprovalRequests({ actor, query: parseQuery(ZApprovalListQuery, req.url) });
  });
}
