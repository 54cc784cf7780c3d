import 'server-only';
// Announcing a held call beyond the in-app notification (written with the approval, the record): an email to the
// tenant's operators when the platform has an SMTP relay (SMTP_URL / SMTP_HOST), and the tenant's signed webhook
// when it configured one. Best effort and after the commit: a relay or endpoint that is down never delays or fails
// the agent's call.
import nodemailer from 'nodemailer';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { env } from '@/lib/server/env';
import type { McpCaller } from '@/mcp-server/pipeline/authenticate';
import { smtpConfigFromEnv } from '@/mcp-server/tools/email-send';
import { notifyApprovalWebhook } from './notify-webhook';

const portalUrl = () => env().NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;

export function announceHeldCall(db: PrismaClient, caller: McpCaller, tool: string, held: { id: string; approvalsRequired: number; expiresAt: Date; operatorEmails: string[] }): void {
  notifyOperatorsByEmail(held.operatorEmails, { tool, approvalId: held.id, tokenName: caller.tokenName, expiresAt: held.expiresAt });
  notifyApprovalWebhook(db, caller.tenant.id, { approvalId: held.id, tenant: caller.tenant.slug, tool, token: caller.tokenName, approvalsRequired: held.approvalsRequired, expiresAt: held.expiresAt, portalUrl: portalUrl() })
    .then((status) => {
      if (status !== null && (status < 200 || status >= 300)) console.warn(`[approvals] the approval webhook of tenant ${caller.tenant.slug} answered ${status} for ${held.id}`);
    })
    .catch((e: unknown) => console.warn(`[approvals] could not call the approval webhook of tenant ${caller.tenant.slug}: ${e instanceof Error ? e.message : String(e)}`));
}

export function notifyOperatorsByEmail(to: string[], held: { tool: string; approvalId: string; tokenName: string; expiresAt: Date }): void {
  if (to.length === 0) return;
  let smtp;
  try {
    smtp = smtpConfigFromEnv();
  } catch {
    return; // a malformed relay is reported by email_send itself
  }
  if (!smtp) return;
  const portal = portalUrl();
  const transport = nodemailer.createTransport({ host: smtp.host, port: smtp.port, secure: smtp.secure, connectionTimeout: 5_000, greetingTimeout: 5_000, socketTimeout: 10_000, tls: { rejectUnauthorized: process.env.NODE_ENV === 'production' } });
  transport
    .sendMail({
      from: smtp.from, to: smtp.from, bcc: to,
      subject: `Approval needed: ${held.tool} (expires ${held.expiresAt.toISOString().slice(11, 16)} UTC)`,
      text: `The agent "${held.tokenName}" asked to run ${held.tool}. It waits for an operator's decision until ${held.expiresAt.toISOString()}.\n\nDecide: ${portal}/approvals?id=${held.approvalId}\n`,
    })
    .catch((e: unknown) => console.warn(`[approvals] could not email operators about ${held.approvalId}: ${e instanceof Error ? e.message : String(e)}`))
    .finally(() => transport.close());
}
