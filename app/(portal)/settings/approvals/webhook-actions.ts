'use server';
// Server action of Settings → Approval rules → webhook: parse, resolve the actor, call one use case.
import { ZSetApprovalWebhookInput } from '@/lib/schemas/approvals';
import { requireActor } from '@/lib/server/auth/actor';
import { parseInput, runAction } from '@/lib/server/boundary';
import { setApprovalWebhook } from '@/lib/services/tenant-policy/set-approval-webhook';

export async function setApprovalWebhookAction(input: unknown) {
  return runAction(async () => setApprovalWebhook({ actor: await requireActor(), ...parseInput(ZSetApprovalWebhookInput, input) }));
}
