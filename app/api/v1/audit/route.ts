// GET /api/v1/audit?q=&tenant=&actor=&via=&action=&tool=&outcome=&errorCode=&resource=&from=&to=&cursor=&limit=
// Audit events for integrations, newest first, keyset-paginated: pass nextCursor back as cursor. Same policy as the
// portal (audit.read; a tenant admin sees their tenant). Reading is not itself audited, like the portal page: only
// an export (a copy leaving the platform) is.
import { ZFindAuditEventsInput } from '@/lib/schemas/audit';
import { requireActor } from '@/lib/server/auth/actor';
import { runRoute } from '@/lib/server/boundary';
import { findAuditEvents } from '@/lib/services/audit/find-audit-events';
import { parseQuery } from '../tools/parse-query';

export const dynamic = 'force-dynamic';

export function GET(req: Request) {
  return runRoute(async () => {
    const actor = await requireActor('api');
    return findAuditEvents({ actor, query: parseQuery(ZFindAuditEventsInput, req.url) });
  });
}
