// The tool-request state machine: the one table of allowed transitions. Pure; services guard every
// transition in the database WHERE clause with the same `from` states.
import type { TToolRequestStatus } from '@/lib/schemas/tool-request';

export const REQUEST_ACTIONS = ['submit', 'start_review', 'request_changes', 'approve', 'reject', 'resubmit', 'publish', 'deprecate'] as const;
export type TRequestAction = (typeof REQUEST_ACTIONS)[number];

export const TRANSITIONS: Record<TRequestAction, { from: readonly TToolRequestStatus[]; to: TToolRequestStatus; event: string }> = {
  submit: { from: ['draft'], to: 'submitted', event: 'submitted' },
  start_review: { from: ['submitted'], to: 'in_review', event: 'review_started' },
  request_changes: { from: ['in_review'], to: 'changes_requested', event: 'changes_requested' },
  approve: { from: ['in_review'], to: 'approved', event: 'approved' },
  reject: { from: ['in_review'], to: 'rejected', event: 'rejected' },
  resubmit: { from: ['changes_requested'], to: 'submitted', event: 'resubmitted' },
  publish: { from: ['approved'], to: 'published', event: 'published' },
  deprecate: { from: ['published'], to: 'deprecated', event: 'deprecated' },
};

export function canTransition(from: TToolRequestStatus, action: TRequestAction): boolean {
  return TRANSITIONS[action].from.includes(from);
}

/** The status after `action`, or null when the action is not allowed from `from`. */
export function nextStatus(from: TToolRequestStatus, action: TRequestAction): TToolRequestStatus | null {
  return canTransition(from, action) ? TRANSITIONS[action].to : null;
}

export function allowedActions(from: TToolRequestStatus): TRequestAction[] {
  return REQUEST_ACTIONS.filter((a) => canTransition(from, a));
}

/** The requester may still edit the fields (the request is theirs to change). */
export function isEditable(status: TToolRequestStatus): boolean {
  return status === 'draft' || status === 'changes_requested';
}

/** Message for a transition that lost a race or came too late. */
export function invalidStateMessage(action: TRequestAction, current: TToolRequestStatus | null): string {
  if (TRANSITIONS[action].from.includes('in_review')) return 'This request is no longer in review.';
  const verb: Record<TRequestAction, string> = {
    submit: 'submitted', start_review: 'taken into review', request_changes: 'sent back', approve: 'approved', reject: 'rejected',
    resubmit: 'resubmitted', publish: 'published', deprecate: 'deprecated',
  };
  return `This request cannot be ${verb[action]} while it is ${current?.replace('_', ' ') ?? 'in another state'}.`;
}
