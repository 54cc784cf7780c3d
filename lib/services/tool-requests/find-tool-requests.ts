import 'server-only';
// Lists: "mine" (the requester's own), "queue" (reviewers: submitted and in review, oldest first, never their
// own) and "all" (every request of the actor's tenant; platform staff see all tenants).
import { assertCan, tenantScope, type Actor } from '@/lib/policy';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { TFindToolRequestsInput, TToolRequestSummary } from '@/lib/schemas/tool-request';
import { getDb } from '@/lib/server/db/client';

export async function findToolRequests({ actor, ...input }: TFindToolRequestsInput & { actor: Actor }) {
  const where: Prisma.ToolRequestWhereInput = {};
  let orderBy: Prisma.ToolRequestOrderByWithRelationInput[] = [{ updatedAt: 'desc' }, { id: 'asc' }];
  if (input.view === 'queue') {
    assertCan(actor, 'tool_request.review');
    Object.assign(where, tenantScope(actor), { requesterId: { not: actor.id } });
    where.status = input.status ?? { in: ['submitted', 'in_review'] };
    orderBy = [{ submittedAt: 'asc' }, { id: 'asc' }];
  } else {
    assertCan(actor, 'tool_request.read');
    if (input.view === 'mine') where.requesterId = actor.id;
    else Object.assign(where, tenantScope(actor));
    if (input.status) where.status = input.status;
  }
  if (input.risk) where.riskLevel = input.risk;
  if (input.q) {
    const c = { contains: input.q, mode: 'insensitive' as const };
    where.OR = [{ title: c }, { useCase: c }, { ownerTeam: c }];
  }
  const db = await getDb();
  const [total, rows] = await Promise.all([
    db.toolRequest.count({ where }),
    db.toolRequest.findMany({
      where, orderBy, skip: (input.page - 1) * input.pageSize, take: input.pageSize,
      include: { tenant: { select: { slug: true } }, requester: { select: { name: true } }, reviews: { select: { round: true, outcome: true } } },
    }),
  ]);
  const items: TToolRequestSummary[] = rows.map((r) => ({
    id: r.id, title: r.title, status: r.status, riskLevel: r.riskLevel, riskScore: r.riskScore, workflow: r.workflow, ownerTeam: r.ownerTeam,
    tenant: r.tenant.slug, requester: r.requester.name, requiredApprovals: r.requiredApprovals,
    approvals: r.reviews.filter((d) => d.round === r.round && d.outcome === 'approve').length, round: r.round,
    createdAt: r.createdAt.toISOString(), submittedAt: r.submittedAt?.toISOString() ?? null, updatedAt: r.updatedAt.toISOString(),
  }));
  return { items, total, page: input.page, pageSize: input.pageSize, pageCount: Math.max(1, Math.ceil(total / input.pageSize)) };
}
