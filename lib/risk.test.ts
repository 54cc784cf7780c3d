import { describe, expect, it } from 'vitest';
import { assessRisk, levelForScore, requiredApprovalsFor, type RiskInput } from './risk';

const base: RiskInput = { dataClassification: 'public', writeActions: false, criticalActions: false, externalHosts: [], expectedVolume: 0 };

describe('risk rules', () => {
  it.each([
    ['public read-only, no egress, no volume', base, 0, 'low'],
    ['internal, 200 calls/day', { ...base, dataClassification: 'internal', expectedVolume: 200 }, 10, 'low'],
    ['confidential', { ...base, dataClassification: 'confidential' }, 20, 'low'],
    ['pii read-only adds the PII factor', { ...base, dataClassification: 'pii' }, 40, 'medium'],
    ['pii + one external host + 200/day', { ...base, dataClassification: 'pii', externalHosts: ['crm.example.com'], expectedVolume: 200 }, 55, 'high'],
    ['write actions', { ...base, writeActions: true }, 15, 'low'],
    ['critical actions alone are high', { ...base, criticalActions: true }, 50, 'high'],
    ['confidential write critical with egress', { ...base, dataClassification: 'confidential', writeActions: true, criticalActions: true, externalHosts: ['bank.example'] }, 95, 'critical'],
    ['score is capped at 100', { dataClassification: 'pii', writeActions: true, criticalActions: true, externalHosts: ['a.example', 'b.example', 'c.example', 'd.example'], expectedVolume: 50_000 }, 100, 'critical'],
  ] as const)('%s → %i (%s)', (_name, input, score, level) => {
    const r = assessRisk(input);
    expect(r.score).toBe(score);
    expect(r.level).toBe(level);
  });

  it('explains every factor with its weight, and the weights sum to the score', () => {
    const r = assessRisk({ dataClassification: 'pii', writeActions: true, criticalActions: false, externalHosts: ['a.example', 'b.example'], expectedVolume: 1500 });
    expect(r.factors.map((f) => [f.code, f.weight])).toEqual([['data_class', 25], ['pii', 15], ['write', 15], ['egress', 15], ['volume', 10]]);
    expect(r.factors.reduce((s, f) => s + f.weight, 0)).toBe(r.score);
    expect(r.factors.find((f) => f.code === 'egress')?.detail).toContain('a.example, b.example');
  });

  it('caps the egress factor at 20 and steps volume at 100 / 1,000 / 10,000', () => {
    expect(assessRisk({ ...base, externalHosts: ['a.x', 'b.x', 'c.x', 'd.x', 'e.x'] }).factors[1]?.weight).toBe(20);
    expect(assessRisk({ ...base, expectedVolume: 99 }).score).toBe(0);
    expect(assessRisk({ ...base, expectedVolume: 100 }).score).toBe(5);
    expect(assessRisk({ ...base, expectedVolume: 1000 }).score).toBe(10);
    expect(assessRisk({ ...base, expectedVolume: 10_000 }).score).toBe(15);
  });

  it('maps score boundaries to levels and levels to the number of approvals', () => {
    expect([0, 24, 25, 49, 50, 74, 75, 100].map(levelForScore)).toEqual(['low', 'low', 'medium', 'medium', 'high', 'high', 'critical', 'critical']);
    expect((['low', 'medium', 'high', 'critical'] as const).map(requiredApprovalsFor)).toEqual([1, 1, 2, 2]);
    expect(assessRisk({ ...base, criticalActions: true }).requiredApprovals).toBe(2);
  });
});
