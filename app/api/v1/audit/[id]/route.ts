// GET /api/v1/audit/:id — one audit event with its details and the events of the same request.
// Another tenant's event answers 404, exactly like an unknown id.
import { requireActor } from '@/lib/server/auth/actor';
import { runRoute } from '@/lib/server/boundary';
import { getAuditEventOrThrow } from '@/lib/services/audit/get-audit-event';

export const dynamic = 'force-dynamic';

export function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  return runRoute(async () => {
    const actor = await requireActor('api');
    return getAuditEventOrThrow({ actor, id: (await params).id });
  });
}
