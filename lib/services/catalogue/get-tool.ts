import 'server-only';
// One tool's page: the registration record, its versions (hash, status, what changed), the activation decision
// for the actor, and who may edit it. Usage comes from find-tool-usage.ts.
import { diffSummary } from '@/lib/catalogue/diff';
import { AppError } from '@/lib/errors';
import { assertCan, can, type Actor } from '@/lib/policy';
import { getDb } from '@/lib/server/db/client';
import { toolAccessFor, visibleToolsWhere } from './shared';

const obj = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null);

export async function getToolOrThrow({ actor, slug }: { actor: Actor; slug: string }) {
  assertCan(actor, 'catalogue.read');
  const db = await getDb();
  const t = await db.tool.findUnique({
    where: { slug, AND: [visibleToolsWhere(actor)] },
    include: {
      owner: { select: { name: true, email: true } },
      versions: { orderBy: { version: 'desc' }, include: { author: { select: { name: true } } } },
      requests: { select: { id: true, title: true, tenantId: true }, take: 1 },
    },
  });
  if (!t) throw new AppError('NOT_FOUND', { userMessage: `No tool named ${slug} in the catalogue.` });
  const rejected = t.versions.filter((v) => v.status === 'rejected').map((v) => v.id);
  const reasons = rejected.length
    ? await db.auditEvent.findMany({ where: { action: 'tool_version.rejected', resourceType: 'tool_version', resourceId: { in: rejected } }, select: { resourceId: true, details: true } })
    : [];
  const reviewerIds = [...new Set(t.versions.map((v) => v.reviewedById).filter((x): x is string => !!x))];
  const reviewers = reviewerIds.length ? await db.user.findMany({ where: { id: { in: reviewerIds } }, select: { id: true, name: true } }) : [];
  const access = await toolAccessFor(actor, t.id);
  const ordered = [...t.versions].sort((a, b) => a.version - b.version);
  const versions = t.versions.map((v) => {
    const prev = ordered.filter((p) => p.version < v.version && p.status !== 'rejected').at(-1) ?? null;
    return {
      id: v.id, version: v.version, status: v.status, name: v.name, description: v.description, definitionHash: v.definitionHash, changeNote: v.changeNote,
      author: v.author?.name ?? null, authorId: v.authorId, reviewer: reviewers.find((r) => r.id === v.reviewedById)?.name ?? null, createdAt: v.createdAt.toISOString(),
      inputSchema: obj(v.inputSchema) ?? {}, outputSchema: obj(v.outputSchema), annotations: obj(v.annotations) ?? {},
      changes: diffSummary(prev, v),
      rejectionReason: (obj(reasons.find((r) => r.resourceId === v.id)?.details)?.reason as string | undefined) ?? null,
    };
  });
  const served = versions.find((v) => v.version === t.servedVersion) ?? versions.find((v) => v.status === 'approved') ?? null;
  const request = t.requests[0];
  return {
    id: t.id, slug: t.slug, title: t.title, description: t.description, category: t.category, kind: t.kind, lifecycle: t.lifecycle,
    ownerTeam: t.ownerTeam, owner: t.owner ? { name: t.owner.name, email: t.owner.email } : null, riskLevel: t.riskLevel,
    dataClassification: t.dataClassification, dataRead: t.dataRead, dataWritten: t.dataWritten, requiredScopes: t.requiredScopes,
    timeoutMs: t.timeoutMs, maxInputBytes: t.maxInputBytes, maxOutputBytes: t.maxOutputBytes, auditLevel: t.auditLevel, critical: t.critical,
    readOnly: t.readOnly, destructive: t.destructive, idempotent: t.idempotent, openWorld: t.openWorld, tags: t.tags,
    links: Array.isArray(t.links) ? (t.links as { title?: string; url?: string }[]).filter((l) => l && typeof l.url === 'string') : [],
    annotations: obj(t.annotations) ?? {}, sloP95Ms: t.sloP95Ms, sloSuccessRate: t.sloSuccessRate, servedVersion: t.servedVersion,
    killedGlobally: t.killedGlobally, killedReason: t.killedReason, updatedAt: t.updatedAt.toISOString(),
    served, versions, pendingVersion: versions.find((v) => v.status === 'in_review') ?? null,
    access: access ? { enabled: access.enabled, reason: access.reason, version: access.version, pinned: access.pinned } : null,
    canEdit: can(actor, 'tool.edit', { ownerUserId: t.ownerUserId }),
    canReviewVersions: can(actor, 'tool_version.review'),
    request: request && can(actor, 'tool_request.read', { tenantId: request.tenantId })
      ? { id: request.id, title: request.title, href: can(actor, 'tool_request.review') ? `/reviews/${request.id}` : can(actor, 'tool_request.create') ? `/requests/${request.id}` : null }
      : null,
  };
}
export type TToolDetail = Awaited<ReturnType<typeof getToolOrThrow>>;
