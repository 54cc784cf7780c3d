import 'server-only';
import { AppError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';

export const NO_LONGER_IN_REVIEW = 'This version is no longer in review: someone else decided first.';

export async function loadVersionOrThrow(tx: Prisma.TransactionClient, versionId: string) {
  const v = await tx.toolVersion.findUnique({ where: { id: versionId }, include: { tool: { select: { slug: true, servedVersion: true, riskLevel: true, critical: true, lifecycle: true } } } });
  if (!v) throw new AppError('NOT_FOUND', { userMessage: 'This tool version does not exist.' });
  return v;
}
