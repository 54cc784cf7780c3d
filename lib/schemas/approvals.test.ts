import { describe, expect, it } from 'vitest';
import { ZApprovalDecisionInput, ZApprovalId, ZApprovalListQuery } from './approvals';

describe('approval schemas', () => {
  it('a denial needs a reason a person can read; an approval does not', () => {
    expect(ZApprovalDecisionInput.parse({ decision: 'approve' })).toEqual({ decision: 'approve', reason: '' });
    const r = ZApprovalDecisionInput.safeParse({ decision: 'deny', reason: ' no ' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({ path: ['reason'], message: expect.stringMatching(/Say why you deny/) });
    expect(ZApprovalDecisionInput.safeParse({ decision: 'maybe' }).error?.issues[0]?.message).toBe('Choose approve or deny.');
    expect(ZApprovalDecisionInput.safeParse({ decision: 'deny', reason: 'x'.repeat(1001) }).error?.issues[0]?.message).toMatch(/under 1,000/);
  });

  it('list queries and ids are bounded', () => {
    expect(ZApprovalListQuery.parse({})).toEqual({ status: 'pending', q: '', limit: 25 });
    expect(ZApprovalListQuery.safeParse({ status: 'all' }).error?.issues[0]?.message).toBe('status must be pending or decided.');
    expect(ZApprovalListQuery.safeParse({ limit: '500' }).error?.issues[0]?.message).toBe('limit must be at most 100.');
    expect(ZApprovalId.safeParse("x' OR 1=1").success).toBe(false);
  });
});
