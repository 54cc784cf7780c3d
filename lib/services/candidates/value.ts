// The candidates board's ranking, pure: estimated value (hours of work saved per week) against risk.
// value = calls per week per team × teams × minutes saved per call ÷ 60; priority = value ÷ risk weight.
import type { TRiskLevel } from '@/lib/schemas/tool-request';

export const RISK_WEIGHT: Record<TRiskLevel, number> = { low: 1, medium: 2, high: 4, critical: 8 };

export interface Estimate {
  estCallsPerWeek: number | null;
  estMinutesSavedPerCall: number | null;
  estTeams: number | null;
}

/** Hours of work saved per week; null unless the three estimates are given. */
export function hoursSavedPerWeek(e: Estimate): number | null {
  if (e.estCallsPerWeek === null || e.estMinutesSavedPerCall === null || e.estTeams === null) return null;
  return (e.estCallsPerWeek * e.estTeams * e.estMinutesSavedPerCall) / 60;
}

/** Value per unit of risk: the board's default order (unknown value ranks last). */
export function priorityScore(e: Estimate, risk: TRiskLevel): number | null {
  const v = hoursSavedPerWeek(e);
  return v === null ? null : v / RISK_WEIGHT[risk];
}
