import 'server-only';
// Call from the activation service when a tool is enabled: stamps the first activation of the request that
// published the tool (the end of "time-to-integrate"). Idempotent: only the first activation counts.
import type { Prisma } from '@/lib/generated/prisma/client';

export async function recordFirstActivation(tx: Prisma.TransactionClient, toolId: string, at: Date = new Date()): Promise<void> {
  await tx.toolRequest.updateMany({ where: { toolId, firstActivatedAt: null }, data: { firstActivatedAt: at } });
}
