import 'server-only';
// in_review → rejected (final), reason required.
import type { Actor } from '@/lib/policy';
import type { TReviewChecklist } from '@/lib/schemas/tool-request';
import { decideAgainst } from './decide-against';

export function rejectToolRequest({ actor, id, reason, checklist }: { actor: Actor; id: string; reason: string; checklist?: TReviewChecklist }) {
  return decideAgainst(actor, id, 'reject', reason, checklist);
}
