import 'server-only';
// The tenant's approval webhook: one signed JSON POST per held call, through the egress guard (public addresses
// only, the connection pinned to the checked address, no redirects), after the commit and best effort (5 s; the
// in-app notification is the record). Signature: `X-Approval-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of
// "<t>.<body>" under the tenant's signing secret>`, so a receiver can check origin and freshness.
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { signTimestamped } from '@/lib/server/crypto';
import { decryptSecret, type EncryptedValue } from '@/lib/server/secrets';
import { guardedPost, type EgressOptions } from '@/mcp-server/egress/ssrf';

export interface HeldCallEvent {
  approvalId: string;
  tenant: string;
  tool: string;
  token: string;
  approvalsRequired: number;
  expiresAt: Date;
  portalUrl: string;
}

/** Sends the event when the tenant configured a webhook; resolves with the HTTP status, or null when none was sent. */
export async function notifyApprovalWebhook(db: PrismaClient, tenantId: string, e: HeldCallEvent, egress: EgressOptions = {}): Promise<number | null> {
  const p = await db.tenantPolicy.findUnique({ where: { tenantId }, select: { approvalWebhookUrl: true, approvalWebhookSecret: true } });
  if (!p?.approvalWebhookUrl || !p.approvalWebhookSecret) return null;
  const secret = decryptSecret(JSON.parse(p.approvalWebhookSecret) as EncryptedValue);
  const link = `${e.portalUrl}/approvals?id=${e.approvalId}`;
  const body = JSON.stringify({
    type: 'approval.pending', approvalId: e.approvalId, tenant: e.tenant, tool: e.tool, agentToken: e.token,
    approvalsRequired: e.approvalsRequired, expiresAt: e.expiresAt.toISOString(), url: link,
    text: `${e.token} asked to run ${e.tool} (tenant ${e.tenant}): it waits for an operator's approval until ${e.expiresAt.toISOString()}. ${link}`,
  });
  const host = new URL(p.approvalWebhookUrl).hostname;
  const res = await guardedPost(p.approvalWebhookUrl, {
    ...egress, allowlist: [host], body: Buffer.from(body), signal: AbortSignal.timeout(5_000), maxBytes: 16 * 1024,
    headers: { 'content-type': 'application/json', 'user-agent': 'mcp-tool-platform-approvals', 'x-approval-signature': signTimestamped(secret, body) },
  });
  return res.status;
}
