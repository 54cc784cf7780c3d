import { describe, expect, it } from 'vitest';
import { hoursSavedPerWeek, priorityScore, RISK_WEIGHT } from './value';

describe('candidate value', () => {
  it('is calls per week per team × teams × minutes saved ÷ 60', () => {
    expect(hoursSavedPerWeek({ estCallsPerWeek: 120, estMinutesSavedPerCall: 5, estTeams: 3 })).toBe(30);
    expect(hoursSavedPerWeek({ estCallsPerWeek: 0, estMinutesSavedPerCall: 5, estTeams: 3 })).toBe(0);
  });

  it('is unknown while any estimate is missing', () => {
    expect(hoursSavedPerWeek({ estCallsPerWeek: 120, estMinutesSavedPerCall: null, estTeams: 3 })).toBeNull();
    expect(priorityScore({ estCallsPerWeek: null, estMinutesSavedPerCall: 5, estTeams: 3 }, 'low')).toBeNull();
  });

  it('divides the value by the risk weight, so a riskier tool needs more value to rank as high', () => {
    const e = { estCallsPerWeek: 120, estMinutesSavedPerCall: 5, estTeams: 3 };
    expect(priorityScore(e, 'low')).toBe(30);
    expect(priorityScore(e, 'critical')).toBe(30 / 8);
    expect(Object.values(RISK_WEIGHT)).toEqual([1, 2, 4, 8]);
  });
});
