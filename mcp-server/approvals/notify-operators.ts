import 'server-only';
// Email to the tenant's operators when a call is held, when the platform has an SMTP relay (SMTP_URL / SMTP_HOST).
// Best effort and after the commit: the in-app notification (written with the approval) is the record; a relay
// that is down never delays or fails the agent's call.
import nodemailer from 'nodemailer';
import { env } from '@/lib/server/env';
import { smtpConfigFromEnv } from '@/mcp-server/tools/email-send';

export function notifyOperatorsByEmail(to: string[], held: { tool: string; approvalId: string; tokenName: string; expiresAt: Date }): void {
  if (to.length === 0) return;
  let smtp;
  try {
    smtp = smtpConfigFromEnv();
  } catch {
    return; // a malformed relay is reported by email_send itself
  }
  if (!smtp) return;
  const portal = env().NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
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
