import { describe, expect, it } from 'vitest';
import { allowedActions, canTransition, invalidStateMessage, isEditable, nextStatus, REQUEST_ACTIONS, TRANSITIONS } from './request-state';
import { REQUEST_STATUSES } from './schemas/tool-request';

const EXPECTED: Record<string, string | undefined> = {
  'draft:submit': 'submitted',
  'submitted:start_review': 'in_review',
  'in_review:request_changes': 'changes_requested',
  'in_review:approve': 'approved',
  'in_review:reject': 'rejected',
  'changes_requested:resubmit': 'submitted',
  'approved:publish': 'published',
  'published:deprecate': 'deprecated',
};

describe('tool-request state machine', () => {
  it('allows exactly the documented transitions and refuses every other (status × action) pair', () => {
    for (const s of REQUEST_STATUSES) {
      for (const a of REQUEST_ACTIONS) {
        expect(nextStatus(s, a), `${s} --${a}-->`).toBe(EXPECTED[`${s}:${a}`] ?? null);
        expect(canTransition(s, a)).toBe(EXPECTED[`${s}:${a}`] !== undefined);
      }
    }
  });

  it('has terminal states with no way out', () => {
    expect(allowedActions('rejected')).toEqual([]);
    expect(allowedActions('deprecated')).toEqual([]);
    expect(allowedActions('in_review').sort()).toEqual(['approve', 'reject', 'request_changes']);
  });

  it('lets the requester edit only drafts and requests sent back', () => {
    expect(REQUEST_STATUSES.filter(isEditable)).toEqual(['draft', 'changes_requested']);
  });

  it('tells the loser of a review race that the request is no longer in review', () => {
    expect(invalidStateMessage('approve', 'approved')).toBe('This request is no longer in review.');
    expect(invalidStateMessage('reject', 'changes_requested')).toBe('This request is no longer in review.');
    expect(invalidStateMessage('publish', 'draft')).toBe('This request cannot be published while it is draft.');
    expect(Object.keys(TRANSITIONS)).toEqual([...REQUEST_ACTIONS]);
  });
});
