import 'server-only';
// One entry for the review form: routes the decision to its use case.
import type { Actor } from '@/lib/policy';
import type { TReviewDecisionInput } from '@/lib/schemas/tool-request';
import { approveToolRequest } from './approve-tool-request';
import { rejectToolRequest } from './reject-tool-request';
import { requestChanges } from './request-changes';

export async function decideToolRequest({ actor, id, outcome, reason, checklist }: TReviewDecisionInput & { actor: Actor }) {
  if (outcome === 'approve') return approveToolRequest({ actor, id, reason, checklist });
  if (outcome === 'reject') return rejectToolRequest({ actor, id, reason, checklist });
  return requestChanges({ actor, id, reason, checklist });
}
