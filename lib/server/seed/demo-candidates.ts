// The business estimates of the demo's open tool requests, so the candidates board ranks something real.
// Idempotent: sets only estimates nobody has given yet.
import type { PrismaClient } from '@/lib/generated/prisma/client';

const ESTIMATES: Record<string, { estCallsPerWeek: number; estMinutesSavedPerCall: number; estTeams: number }> = {
  'CRM contact lookup': { estCallsPerWeek: 400, estMinutesSavedPerCall: 3, estTeams: 2 },
  'Payroll calendar reader': { estCallsPerWeek: 60, estMinutesSavedPerCall: 2, estTeams: 1 },
  'Supplier payout scheduler': { estCallsPerWeek: 150, estMinutesSavedPerCall: 12, estTeams: 1 },
};

export async function seedCandidateEstimates(db: PrismaClient): Promise<void> {
  for (const [title, e] of Object.entries(ESTIMATES)) {
    await db.toolRequest.updateMany({ where: { title, estCallsPerWeek: null, estMinutesSavedPerCall: null, estTeams: null }, data: e });
  }
}
