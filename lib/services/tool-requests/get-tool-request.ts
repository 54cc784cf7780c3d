import 'server-only';
// One request with its risk explanation, reviews and timeline. Another tenant's request is "not found".
import { assertCan, type Actor } from '@/lib/policy';
import { ZRiskFactor } from '@/lib/schemas/tool-request';
import { getDb } from '@/lib/server/db/client';
import { loadRequestOrThrow } from './shared';

export async function getToolRequestOrThrow({ actor, id }: { actor: Actor; id: string }) {
  const db = await getDb();
  const base = await loadRequestOrThrow(db as never, actor, id);
  assertCan(actor, 'tool_request.read', base);
  const r = await db.toolRequest.findUniqueOrThrow({
    where: { id },
    include: {
      tenant: { select: { slug: true, name: true } },
      requester: { select: { id: true, name: true, email: true } },
      tool: { select: { slug: true } },
      reviews: { orderBy: { createdAt: 'asc' }, include: { reviewer: { select: { name: true } } } },
      events: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], include: { actor: { select: { name: true } } } },
    },
  });
  const factors = ZRiskFactor.array().safeParse(r.riskFactors);
  return {
    id: r.id, tenantId: r.tenantId, tenant: r.tenant.slug, tenantName: r.tenant.name, requesterId: r.requester.id, requester: r.requester.name,
    title: r.title, useCase: r.useCase, workflow: r.workflow, ownerTeam: r.ownerTeam, dataConsulted: r.dataConsulted, dataWritten: r.dataWritten,
    dataClassification: r.dataClassification, externalHosts: r.externalHosts, writeActions: r.writeActions, criticalActions: r.criticalActions,
    expectedVolume: r.expectedVolume, requestedScopes: r.requestedScopes,
    estCallsPerWeek: r.estCallsPerWeek, estMinutesSavedPerCall: r.estMinutesSavedPerCall, estTeams: r.estTeams, status: r.status, riskScore: r.riskScore, riskLevel: r.riskLevel,
    riskFactors: factors.success ? factors.data : [], requiredApprovals: r.requiredApprovals, round: r.round, toolSlug: r.tool?.slug ?? null,
    approvals: r.reviews.filter((d) => d.round === r.round && d.outcome === 'approve').length,
    createdAt: r.createdAt.toISOString(), submittedAt: r.submittedAt?.toISOString() ?? null, decidedAt: r.decidedAt?.toISOString() ?? null,
    publishedAt: r.publishedAt?.toISOString() ?? null,
    reviews: r.reviews.map((d) => ({ id: d.id, reviewerId: d.reviewerId, reviewer: d.reviewer.name, round: d.round, outcome: d.outcome, reason: d.reason, createdAt: d.createdAt.toISOString() })),
    events: r.events.map((e) => ({
      id: e.id, type: e.type, actor: e.actor?.name ?? 'System', from: e.fromStatus, to: e.toStatus, comment: e.comment, data: e.data as Record<string, unknown> | null,
      createdAt: e.createdAt.toISOString(),
    })),
  };
}
export type TToolRequestDetail = Awaited<ReturnType<typeof getToolRequestOrThrow>>;
