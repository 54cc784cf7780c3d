import 'server-only';
// A security reviewer approves a proposed version: it becomes the served one (Tool.servedVersion moves, the
// catalogue record follows what agents now see) and the previous approved version is superseded (still
// servable to tenants pinned to it). Versions of high-risk and critical tools need two different reviewers, like
// requests: the first approval is recorded, the second serves it. Guarded: a second decision gets "This version is
// no longer in review."
import { AppError } from '@/lib/errors';
import { assertCan, type Actor } from '@/lib/policy';
import { writeAudit } from '@/lib/server/audit';
import { getDb } from '@/lib/server/db/client';
import { createNotifications, reviewerIds } from '@/lib/services/notifications/create-notifications';
import { loadVersionOrThrow, NO_LONGER_IN_REVIEW } from './load-version';
import { releaseQuarantine } from '@/lib/services/upstreams/release-quarantine';
import { assertContractPassed } from '@/lib/services/contracts/assert-contract-passed';
import { newRequestId } from '@/lib/server/ids';

/** Two reviewers for versions of high-risk and critical tools (as for requests), one otherwise. */
export function versionApprovalsRequired(tool: { riskLevel: string; critical: boolean }): number {
  return tool.critical || tool.riskLevel === 'high' || tool.riskLevel === 'critical' ? 2 : 1;
}

export async function approveToolVersion({ actor, versionId, reason }: { actor: Actor; versionId: string; reason?: string }) {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const v = await loadVersionOrThrow(tx, versionId);
    assertCan(actor, 'tool_version.review', { requesterId: v.authorId ?? undefined });
    // A version whose contract examples have not passed is never served (lib/services/contracts).
    await assertContractPassed(tx, v);
    if (versionApprovalsRequired(v.tool) === 2) {
      if (v.firstApprovalById === actor.id) throw new AppError('FORBIDDEN', { userMessage: 'You already approved this version: a second, different reviewer must approve it before it is served.' });
      if (v.firstApprovalById === null) {
        const first = await tx.toolVersion.updateMany({ where: { id: v.id, status: 'in_review', firstApprovalById: null }, data: { firstApprovalById: actor.id } });
        if (first.count !== 1) throw new AppError('INVALID_STATE', { userMessage: NO_LONGER_IN_REVIEW });
        const others = (await reviewerIds(tx)).filter((id) => id !== v.authorId);
        await createNotifications(tx, others, { kind: 'tool_version.second_approval', title: `${v.name} v${v.version} needs a second approval`, body: `${actor.label} approved; a ${v.tool.riskLevel}-risk tool needs two reviewers.`, href: () => `/reviews/versions/${v.id}` }, actor.id);
        await writeAudit(tx, actor, {
          requestId: newRequestId(), action: 'tool_version.approval_recorded', resourceType: 'tool_version', resourceId: v.id, toolSlug: v.tool.slug, toolVersion: v.version,
          tenantId: null, details: { approvalsGiven: 1, approvalsRequired: 2, reason: reason ?? null },
        });
        return { versionId: v.id, slug: v.tool.slug, version: v.version, status: 'in_review' as const };
      }
    }
    const res = await tx.toolVersion.updateMany({ where: { id: v.id, status: 'in_review' }, data: { status: 'approved', reviewedById: actor.id } });
    if (res.count !== 1) throw new AppError('INVALID_STATE', { userMessage: NO_LONGER_IN_REVIEW });
    if (v.name !== v.tool.slug && (await tx.tool.findUnique({ where: { slug: v.name }, select: { id: true } }))) {
      throw new AppError('CONFLICT', { userMessage: `Another tool is now named ${v.name}; reject this version and ask the owner for another name.` });
    }
    await tx.toolVersion.updateMany({ where: { toolId: v.toolId, status: 'approved', id: { not: v.id } }, data: { status: 'superseded' } });
    // A renamed tool keeps its place in every agent token's scopes.
    if (v.name !== v.tool.slug) await tx.$executeRaw`UPDATE "AgentToken" SET scopes = array_replace(scopes, ${v.tool.slug}, ${v.name}) WHERE ${v.tool.slug} = ANY(scopes)`;
    const a = (v.annotations && typeof v.annotations === 'object' ? v.annotations : {}) as Record<string, unknown>;
    await tx.tool.update({
      where: { id: v.toolId },
      data: {
        // A tool declared in the portal (HTTP tool) waits in review until its first version is approved.
        ...(v.tool.lifecycle === 'in_review' ? { lifecycle: 'published' as const } : {}),
        servedVersion: v.version, slug: v.name, description: v.description, ...(typeof a.title === 'string' ? { title: a.title } : {}),
        readOnly: a.readOnlyHint === true, destructive: a.destructiveHint === true, idempotent: a.idempotentHint === true, openWorld: a.openWorldHint === true,
      },
    });
    // An upstream tool quarantined for this very definition is released by its approval.
    await releaseQuarantine(tx, actor, v.toolId, v.definitionHash);
    if (v.authorId) {
      await createNotifications(tx, [v.authorId], {
        kind: 'tool_version.approved', title: `Approved: ${v.name} v${v.version} is now served`, body: reason ?? '', href: () => `/catalogue/${v.name}`,
      }, actor.id);
    }
    await writeAudit(tx, actor, {
      requestId: newRequestId(), action: 'tool_version.approved', resourceType: 'tool_version', resourceId: v.id, toolSlug: v.name, toolVersion: v.version,
      tenantId: null, details: { previousName: v.tool.slug, previousServedVersion: v.tool.servedVersion, definitionHash: v.definitionHash, reason: reason ?? null },
    });
    return { versionId: v.id, slug: v.name, version: v.version, status: 'approved' as 'approved' | 'in_review' };
  });
}
