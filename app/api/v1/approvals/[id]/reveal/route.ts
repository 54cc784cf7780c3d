// POST /api/v1/approvals/:id/reveal — {"arguments": {…}}: a held call's full arguments, unredacted. Operators and
// platform admins only (approval.reveal); every reveal is audited, which is why this is a POST.
import { ZApprovalId } from '@/lib/schemas/approvals';
import { requireActor } from '@/lib/server/auth/actor';
import { parseInput, runRoute } from '@/lib/server/boundary';
import { revealApprovalArguments } from '@/lib/services/approvals/reveal-approval-arguments';

export const dynamic = 'force-dynamic';

export function POST(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  return runRoute(async () => {
    const actor = await requireActor('api');
    return { arguments: await revealApprovalArguments({ actor, id: parseInput(ZApprovalId, (await params).id) }) };
  });
}
