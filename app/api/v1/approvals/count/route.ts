// GET /api/v1/approvals/count — {"pending": n}: held calls waiting in the caller's tenant (the navigation badge).
import { requireActor } from '@/lib/server/auth/actor';
import { runRoute } from '@/lib/server/boundary';
import { countPendingApprovals } from '@/lib/services/approvals/count-pending-approvals';

export const dynamic = 'force-dynamic';

export function GET() {
  return runRoute(async () => {
    const actor = await requireActor('api');
    return { pending: await countPendingApprovals({ actor }) };
  });
}
