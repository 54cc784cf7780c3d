import 'server-only';
// What every entry point (portal action, REST route) calls to decide a held call: the decision (a guarded,
// audited transition in lib/services/approvals), then, when it completed the approval, the execution at once on
// this server (the agent does not have to poll for it to run). Execution is claimed by a guarded transition, so
// concurrent decisions and several replicas give one execution.
import type { Actor } from '@/lib/policy';
import type { ApprovalView, TApprovalDecisionInput } from '@/lib/schemas/approvals';
import { decideApproval } from '@/lib/services/approvals/decide-approval';
import { getApprovalOrThrow } from '@/lib/services/approvals/get-approval';
import { runApproval } from './run-approval';

export async function decideAndRun(input: { actor: Actor; id: string } & TApprovalDecisionInput): Promise<ApprovalView> {
  const decided = await decideApproval(input);
  if (decided.status !== 'approved') return decided;
  await runApproval(input.id);
  return getApprovalOrThrow({ actor: input.actor, id: input.id });
}
