// POST /api/v1/approvals/:id/decision {"decision":"approve"|"deny","reason":"…"} — an operator decides a held call.
// Answers the approval as it stands afterwards: when this decision completed it, the call has already run
// (status "executed" with its result). 409 when it is no longer pending, 403 when this operator may not decide it.
import { AppError } from '@/lib/errors';
import { ZApprovalDecisionInput, ZApprovalId } from '@/lib/schemas/approvals';
import { requireActor } from '@/lib/server/auth/actor';
import { parseInput, runRoute } from '@/lib/server/boundary';
import { decideAndRun } from '@/mcp-server/approvals/decide-and-run';

export const dynamic = 'force-dynamic';

export function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return runRoute(async () => {
    const actor = await requireActor('api');
    const id = parseInput(ZApprovalId, (await params).id);
    const body: unknown = await req.json().catch(() => {
      throw new AppError('BAD_REQUEST', { userMessage: 'The body must be JSON, e.g. {"decision":"deny","reason":"Amount looks wrong"}.' });
    });
    return decideAndRun({ actor, id, ...parseInput(ZApprovalDecisionInput, body) });
  });
}
