import 'server-only';
// in_review → changes_requested, with the reason shown to the requester.
import type { Actor } from '@/lib/policy';
import type { TReviewChecklist } from '@/lib/schemas/tool-request';
import { decideAgainst } from './decide-against';

export function requestChanges({ actor, id, reason, checklist }: { actor: Actor; id: string; reason: string; checklist?: TReviewChecklist }) {
  return decideAgainst(actor, id, 'request_changes', reason, checklist);
}
