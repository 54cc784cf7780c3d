// GET /api/v1/approvals/:id — one approval with everything needed to decide it (another tenant's id: 404).
import { ZApprovalId } from '@/lib/schemas/approvals';
import { requireActor } from '@/lib/server/auth/actor';
import { parseInput, runRoute } from '@/lib/server/boundary';
import { getApprovalOrThrow } from '@/lib/services/approvals/get-approval';

export const dynamic = 'force-dynamic';

export function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  return runRoute(async () => {
    const actor = await requireActor('api');
    return getApprovalOrThrow({ actor, id: parseInput(ZApprovalId, (await params).id) });
  });
}
