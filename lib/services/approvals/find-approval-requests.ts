import 'server-only';
// The approval inbox: critical calls held for a human decision, pending first, newest first; the actor's tenant only.
import { assertCan, tenantScope, type Actor } from '@/lib/policy';
import { getDb } from '@/lib/server/db/client';

export interface ApprovalRequestRow {
  id: string;
  createdAt: Date;
  tenant: string;
  tool: string;
  argumentsRedacted: unknown;
  status: string;
  approvalsRequired: number;
  expiresAt: Date;
}

export async function findApprovalRequests({ actor, take = 100 }: { actor: Actor; take?: number }): Promise<ApprovalRequestRow[]> {
  assertCan(actor, 'approval.read');
  const db = await getDb();
  const rows = await db.approvalRequest.findMany({
    where: tenantScope(actor),
    select: { id: true, createdAt: true, argumentsRedacted: true, status: true, approvalsRequired: true, expiresAt: true, tool: { select: { slug: true } }, tenant: { select: { slug: true } } },
    orderBy: [{ status: 'asc' }, { createdAt: 'desc' }],
    take,
  });
  return rows.map((r) => ({ id: r.id, createdAt: r.createdAt, tenant: r.tenant.slug, tool: r.tool.slug, argumentsRedacted: r.argumentsRedacted, status: r.status, approvalsRequired: r.approvalsRequired, expiresAt: r.expiresAt }));
}
