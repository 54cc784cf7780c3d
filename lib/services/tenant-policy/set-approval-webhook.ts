import 'server-only';
// A tenant's approval webhook: an https endpoint (a chat tool's incoming webhook, a bot) told of each held call,
// signed with HMAC-SHA256 under a secret the platform generates, shows once and stores encrypted.
import crypto from 'node:crypto';
import { AppError } from '@/lib/errors';
import { assertCan, type Actor } from '@/lib/policy';
import { ZSetApprovalWebhookInput, type ApprovalWebhookView, type TSetApprovalWebhookInput } from '@/lib/schemas/approvals';
import { writeAudit } from '@/lib/server/audit';
import { parseInput } from '@/lib/server/boundary';
import { getDb } from '@/lib/server/db/client';
import { newRequestId } from '@/lib/server/ids';
import { encryptSecret } from '@/lib/server/secrets';

export async function getApprovalWebhook({ actor, tenantId }: { actor: Actor; tenantId: string }): Promise<ApprovalWebhookView> {
  assertCan(actor, 'tenant_policy.manage', { tenantId });
  const p = await (await getDb()).tenantPolicy.findUnique({ where: { tenantId }, select: { approvalWebhookUrl: true, approvalWebhookSecret: true } });
  return { url: p?.approvalWebhookUrl ?? null, hasSecret: !!p?.approvalWebhookSecret };
}

export async function setApprovalWebhook({ actor, ...raw }: TSetApprovalWebhookInput & { actor: Actor }): Promise<ApprovalWebhookView> {
  const input = parseInput(ZSetApprovalWebhookInput, raw);
  assertCan(actor, 'tenant_policy.manage', { tenantId: input.tenantId });
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const current = await tx.tenantPolicy.findUnique({ where: { tenantId: input.tenantId }, select: { approvalWebhookSecret: true } });
    if (!current) throw new AppError('NOT_FOUND', { userMessage: 'Tenant not found.' });
    const url = input.url || null;
    const newSecret = url && (input.rotateSecret || !current.approvalWebhookSecret) ? `whsec_${crypto.randomBytes(24).toString('base64url')}` : undefined;
    await tx.tenantPolicy.update({
      where: { tenantId: input.tenantId },
      data: { approvalWebhookUrl: url, approvalWebhookSecret: url ? (newSecret ? JSON.stringify(encryptSecret(newSecret)) : current.approvalWebhookSecret) : null },
    });
    await writeAudit(tx, actor, {
      requestId: newRequestId(), tenantId: input.tenantId, action: url ? 'tenant_policy.approval_webhook_set' : 'tenant_policy.approval_webhook_removed',
      resourceType: 'tenant_policy', resourceId: input.tenantId, details: { url, secretRotated: !!newSecret },
    });
    return { url, hasSecret: !!url, ...(newSecret ? { newSecret } : {}) };
  });
}
