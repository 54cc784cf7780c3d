import 'server-only';
// A security reviewer rejects a proposed version (reason required): the served version does not change.
import { AppError } from '@/lib/errors';
import { assertCan, type Actor } from '@/lib/policy';
import { writeAudit } from '@/lib/server/audit';
import { getDb } from '@/lib/server/db/client';
import { createNotifications } from '@/lib/services/notifications/create-notifications';
import { loadVersionOrThrow, NO_LONGER_IN_REVIEW } from './load-version';
import { newRequestId } from '@/lib/server/ids';

export async function rejectToolVersion({ actor, versionId, reason }: { actor: Actor; versionId: string; reason: string }) {
  if (reason.trim().length < 10) {
    throw new AppError('VALIDATION', { userMessage: 'Give the reason for the rejection (at least 10 characters).', fieldErrors: { reason: ['Give the reason for the rejection (at least 10 characters).'] } });
  }
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const v = await loadVersionOrThrow(tx, versionId);
    assertCan(actor, 'tool_version.review', { requesterId: v.authorId ?? undefined });
    const res = await tx.toolVersion.updateMany({ where: { id: v.id, status: 'in_review' }, data: { status: 'rejected', reviewedById: actor.id } });
    if (res.count !== 1) throw new AppError('INVALID_STATE', { userMessage: NO_LONGER_IN_REVIEW });
    if (v.authorId) {
      await createNotifications(tx, [v.authorId], {
        kind: 'tool_version.rejected', title: `Rejected: ${v.tool.slug} v${v.version}`, body: reason, href: () => `/catalogue/${v.tool.slug}`,
      }, actor.id);
    }
    await writeAudit(tx, actor, {
      requestId: newRequestId(), action: 'tool_version.rejected', resourceType: 'tool_version', resourceId: v.id, toolSlug: v.tool.slug, toolVersion: v.version,
      tenantId: null, details: { reason, definitionHash: v.definitionHash },
    });
    return { versionId: v.id, slug: v.tool.slug, version: v.version, status: 'rejected' as const };
  });
}
