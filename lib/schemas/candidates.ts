import { z } from 'zod';
import { RISK_LEVELS } from '@/lib/schemas/tool-request';

export const CANDIDATE_SORTS = ['priority', 'value', 'risk', 'newest'] as const;
export const CANDIDATE_KINDS = ['request', 'tool'] as const;

export const ZFindCandidatesInput = z.object({
  q: z.string().trim().max(200, 'Keep the search under 200 characters.').optional().describe('Words in the title or use case'),
  kind: z.enum(CANDIDATE_KINDS, { error: 'Kind is "request" or "tool".' }).optional().describe('Tool requests or candidate catalogue tools only'),
  risk: z.enum(RISK_LEVELS, { error: 'Risk is low, medium, high or critical.' }).optional().describe('Only this risk level'),
  sort: z.enum(CANDIDATE_SORTS, { error: 'Sort by priority, value, risk or newest.' }).default('priority').describe('Order of the board'),
  page: z.coerce.number({ error: 'Page must be a number.' }).int('Page must be a whole number.').min(1, 'Pages start at 1.').max(10_000, 'Page is too large.').default(1),
});
export type TFindCandidatesInput = z.infer<typeof ZFindCandidatesInput>;

export interface CandidateRow {
  kind: 'request' | 'tool';
  id: string;
  title: string;
  href: string;
  tenant: string | null;
  status: string;
  riskLevel: (typeof RISK_LEVELS)[number];
  estCallsPerWeek: number | null;
  estMinutesSavedPerCall: number | null;
  estTeams: number | null;
  /** Hours of work saved per week; null without a full estimate. */
  hoursPerWeek: number | null;
  /** hoursPerWeek ÷ risk weight. */
  priority: number | null;
  createdAt: string;
}
