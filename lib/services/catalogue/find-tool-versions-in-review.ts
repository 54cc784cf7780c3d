import 'server-only';
// The reviewers' queue of proposed tool versions (owner edits to what agents see), oldest first, with the diff
// against the version served today. With `versionId`, that one version whatever its status (the review page
// keeps showing a version someone just decided): a decided version is compared with the one served before it.
import { diffSummary } from '@/lib/catalogue/diff';
import { assertCan, type Actor } from '@/lib/policy';
import { getDb } from '@/lib/server/db/client';
import { versionApprovalsRequired } from './approve-tool-version';

export async function findToolVersionsInReview({ actor, versionId }: { actor: Actor; versionId?: string }) {
  assertCan(actor, 'tool_version.review');
  const db = await getDb();
  const rows = await db.toolVersion.findMany({
    where: versionId ? { id: versionId } : { status: 'in_review' },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: 100,
    include: { author: { select: { name: true } }, firstApprovalBy: { select: { name: true } }, tool: { select: { slug: true, title: true, riskLevel: true, critical: true, servedVersion: true, versions: true } } },
  });
  return rows.map((v) => {
    const served = v.status === 'in_review'
      ? (v.tool.versions.find((x) => x.version === v.tool.servedVersion) ?? null)
      : ([...v.tool.versions].filter((x) => x.version < v.version && (x.status === 'approved' || x.status === 'superseded')).sort((a, b) => b.version - a.version)[0] ?? null);
    return {
      id: v.id, version: v.version, status: v.status, name: v.name, description: v.description, definitionHash: v.definitionHash, changeNote: v.changeNote,
      author: v.author?.name ?? null, authorId: v.authorId, createdAt: v.createdAt.toISOString(), toolSlug: v.tool.slug, toolTitle: v.tool.title,
      riskLevel: v.tool.riskLevel, servedVersion: v.tool.servedVersion, baselineVersion: served?.version ?? null, changes: diffSummary(served, v),
      approvalsRequired: versionApprovalsRequired(v.tool), firstApprovalBy: v.firstApprovalBy?.name ?? null, firstApprovalById: v.firstApprovalById,
      before: served ? { inputSchema: served.inputSchema, outputSchema: served.outputSchema, annotations: served.annotations, description: served.description } : null,
      after: { inputSchema: v.inputSchema, outputSchema: v.outputSchema, annotations: v.annotations, description: v.description },
    };
  });
}
export type TToolVersionInReview = Awaited<ReturnType<typeof findToolVersionsInReview>>[number];
