import 'server-only';
// One approval with everything an operator needs to decide. Another tenant's id is answered like an unknown one.
import { AppError } from '@/lib/errors';
import { assertCan, tenantScope, type Actor } from '@/lib/policy';
import type { ApprovalView } from '@/lib/schemas/approvals';
import { getDb } from '@/lib/server/db/client';
import { approvalSelect, expireDue, principalNames, toApprovalView } from './shared';

export async function getApprovalOrThrow({ actor, id }: { actor: Actor; id: string }): Promise<ApprovalView> {
  assertCan(actor, 'approval.read');
  const db = await getDb();
  const where = { id, ...tenantScope(actor) };
  await expireDue(db, where);
  const row = await db.approvalRequest.findFirst({ where, select: approvalSelect });
  if (!row) throw new AppError('NOT_FOUND', { userMessage: 'No such approval.' });
  const names = await principalNames(db, [row]);
  return toApprovalView(actor, row, { actsFor: names(row) });
}
