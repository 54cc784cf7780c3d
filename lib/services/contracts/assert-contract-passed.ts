import 'server-only';
// The publication gate: a version that holds contract examples is served only when its latest contract run passed.
// A version without examples has no contract to break (the catalogue shows "no contract"). Called inside the
// transaction that would serve the version (approve-tool-version.ts).
import { AppError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import { storedContractExamples } from '@/lib/schemas/contracts';

export async function assertContractPassed(tx: Prisma.TransactionClient, v: { id: string; version: number; name: string; contractExamples: unknown }): Promise<void> {
  if (storedContractExamples(v.contractExamples).length === 0) return;
  const last = await tx.contractRun.findFirst({ where: { toolVersionId: v.id }, orderBy: [{ ranAt: 'desc' }, { id: 'desc' }], select: { passed: true, failed: true, total: true, ranAt: true } });
  if (!last) {
    throw new AppError('INVALID_STATE', { userMessage: `Version ${v.version} of ${v.name} cannot be served yet: its contract tests have not run. Run them from the tool page ("Run contract"), then approve.` });
  }
  if (!last.passed) {
    const when = last.ranAt.toISOString().slice(0, 16).replace('T', ' ');
    throw new AppError('INVALID_STATE', { userMessage: `Version ${v.version} of ${v.name} cannot be served: its last contract run (${when} UTC) failed ${last.failed} of ${last.total} examples. Fix the tool or its examples and run the contract again from the tool page.` });
  }
}
