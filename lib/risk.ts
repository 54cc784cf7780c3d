// Explainable risk rules for tool requests. Pure and isomorphic: the form shows the same factors live,
// the service stores them. Each factor carries its weight; the score is their sum (capped at 100).
import type { TDataClassification, TRiskFactor, TRiskLevel } from '@/lib/schemas/tool-request';

export interface RiskInput {
  dataClassification: TDataClassification;
  writeActions: boolean;
  criticalActions: boolean;
  externalHosts: readonly string[];
  expectedVolume: number;
}

export interface RiskAssessment {
  score: number;
  level: TRiskLevel;
  factors: TRiskFactor[];
  requiredApprovals: number;
}

export const DATA_CLASS_WEIGHT: Record<TDataClassification, number> = { public: 0, internal: 5, confidential: 20, pii: 25 };
export const WEIGHTS = { pii: 15, write: 15, critical: 50, firstHost: 10, extraHost: 5, maxEgress: 20 } as const;
/** Calls per day → weight; the first threshold reached from the top wins. */
export const VOLUME_STEPS: ReadonlyArray<{ min: number; weight: number }> = [
  { min: 10_000, weight: 15 },
  { min: 1_000, weight: 10 },
  { min: 100, weight: 5 },
];
/** Lowest score of each level. */
export const LEVEL_THRESHOLDS: ReadonlyArray<{ level: TRiskLevel; min: number }> = [
  { level: 'critical', min: 75 },
  { level: 'high', min: 50 },
  { level: 'medium', min: 25 },
  { level: 'low', min: 0 },
];

export function levelForScore(score: number): TRiskLevel {
  return LEVEL_THRESHOLDS.find((t) => score >= t.min)?.level ?? 'low';
}

/** Four-eyes: one reviewer for low and medium risk, two different reviewers for high and critical. */
export function requiredApprovalsFor(level: TRiskLevel): number {
  return level === 'high' || level === 'critical' ? 2 : 1;
}

export function assessRisk(input: RiskInput): RiskAssessment {
  const factors: TRiskFactor[] = [];
  const cls = input.dataClassification;
  factors.push({ code: 'data_class', label: 'Data classification', weight: DATA_CLASS_WEIGHT[cls], detail: `Most sensitive data involved: ${cls}.` });
  if (cls === 'pii') factors.push({ code: 'pii', label: 'Personal data (PII)', weight: WEIGHTS.pii, detail: 'Reads or writes personal data: redaction and GDPR duties apply.' });
  if (input.writeActions) factors.push({ code: 'write', label: 'Write actions', weight: WEIGHTS.write, detail: 'Creates, changes or deletes data.' });
  if (input.criticalActions) factors.push({ code: 'critical', label: 'Critical actions', weight: WEIGHTS.critical, detail: 'Moves money, deletes records or communicates externally.' });
  const hosts = input.externalHosts.length;
  if (hosts > 0) {
    const w = Math.min(WEIGHTS.maxEgress, WEIGHTS.firstHost + (hosts - 1) * WEIGHTS.extraHost);
    factors.push({ code: 'egress', label: 'External egress', weight: w, detail: `Reaches ${hosts} external host${hosts > 1 ? 's' : ''}: ${input.externalHosts.join(', ')}.` });
  }
  const step = VOLUME_STEPS.find((s) => input.expectedVolume >= s.min);
  if (step) factors.push({ code: 'volume', label: 'Volume', weight: step.weight, detail: `About ${input.expectedVolume.toLocaleString('en-US')} calls per day (≥ ${step.min.toLocaleString('en-US')}).` });
  const score = Math.min(100, factors.reduce((s, f) => s + f.weight, 0));
  const level = levelForScore(score);
  return { score, level, factors, requiredApprovals: requiredApprovalsFor(level) };
}
