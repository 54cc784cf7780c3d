import 'server-only';
// email_send: a plain-text email through the platform's SMTP relay (effect 'external': the pipeline writes the audit
// record before the send and the tool is approval-gated in the catalogue).
//
// Configuration (platform, not tenant): SMTP_URL (smtp://host:587, smtps://host:465) or SMTP_HOST, SMTP_PORT,
// SMTP_SECURE (1 = implicit TLS); SMTP_FROM (the sender; default no-reply@<SMTP host>). Credentials: the tenant
// secrets SMTP_USER / SMTP_PASSWORD when set (for the tenant's own relay account), else none.
// Egress decision: the SMTP relay is platform infrastructure configured by operators, so it is NOT checked against
//   the tenant's egress allowlist (it may well be an internal host), and recipients' domains are not either: the
//   allowlist governs the hosts the platform connects to, and mailing customers is this tool's purpose. Exfiltration
//   by email is controlled by the human approval on every call (critical tool) and the full audit of arguments.
//   A per-tenant recipient-domain policy would be a separate rule (not in TenantPolicy today).
import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import type { z } from 'zod';
import type { ZEmailSendInput, ZEmailSendOutput } from '@/lib/schemas/builtin-tools';
import { abortRefusal } from './shared';
import { ToolRefusal, type ToolExecutor } from './types';

type Input = z.output<typeof ZEmailSendInput>;
type Output = z.output<typeof ZEmailSendOutput>;

export interface SmtpConfig {
  host: string;
  port: number;
  secure: boolean;
  from: string;
}

/** The relay from the environment, or null when none is configured. Throws on a malformed value. */
export function smtpConfigFromEnv(e: Record<string, string | undefined> = process.env): SmtpConfig | null {
  const fromOf = (host: string) => e.SMTP_FROM?.trim() || `no-reply@${host}`;
  if (e.SMTP_URL?.trim()) {
    const u = new URL(e.SMTP_URL.trim());
    if (u.protocol !== 'smtp:' && u.protocol !== 'smtps:') throw new Error(`SMTP_URL must start with smtp:// or smtps:// (got "${u.protocol}").`);
    const secure = u.protocol === 'smtps:';
    return { host: u.hostname, port: Number(u.port) || (secure ? 465 : 587), secure, from: fromOf(u.hostname) };
  }
  const host = e.SMTP_HOST?.trim();
  if (!host) return null;
  const secure = e.SMTP_SECURE === '1' || e.SMTP_SECURE === 'true';
  const port = e.SMTP_PORT ? Number(e.SMTP_PORT) : secure ? 465 : 587;
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`SMTP_PORT must be a port number (got "${e.SMTP_PORT}").`);
  return { host, port, secure, from: fromOf(host) };
}

export interface EmailSendOptions {
  /** The relay; defaults to the environment at call time. */
  smtp?: SmtpConfig;
}

function refusalFor(e: unknown, smtp: SmtpConfig): unknown {
  const err = e as { code?: string; responseCode?: number; response?: string; message?: string; rejected?: unknown[] };
  const where = `${smtp.host}:${smtp.port}`;
  switch (err.code) {
    case 'EAUTH':
      return new ToolRefusal('NOT_CONFIGURED', `The SMTP server ${where} rejected the credentials (tenant secrets SMTP_USER / SMTP_PASSWORD).`);
    case 'EENVELOPE':
      return new ToolRefusal('INVALID', `The SMTP server refused the recipients: ${(err.response ?? err.message ?? '').slice(0, 300)}.`);
    case 'ECONNECTION':
    case 'ETIMEDOUT':
    case 'ESOCKET':
    case 'EDNS':
    case 'ETLS':
    case 'EGREETING':
      return new ToolRefusal('UPSTREAM', `Could not deliver to the SMTP server ${where} (${err.code}: ${(err.message ?? '').slice(0, 200)}).`);
    case 'EMESSAGE':
    case 'EPROTOCOL':
      return new ToolRefusal('UPSTREAM', `The SMTP server ${where} refused the message (${err.responseCode ?? err.code}: ${(err.response ?? err.message ?? '').slice(0, 300)}).`);
    default:
      return e;
  }
}

export function createEmailSend(options: EmailSendOptions = {}): ToolExecutor<Input, Output> {
  return {
    slug: 'email_send',
    effect: 'external',
    async execute(ctx, input) {
      let smtp: SmtpConfig | null;
      try {
        smtp = options.smtp ?? smtpConfigFromEnv();
      } catch (e) {
        throw new ToolRefusal('NOT_CONFIGURED', `The SMTP relay is misconfigured: ${(e as Error).message}`);
      }
      if (!smtp) throw new ToolRefusal('NOT_CONFIGURED', 'No SMTP relay is configured on this platform (SMTP_URL or SMTP_HOST).');
      const [user, pass] = await Promise.all([ctx.secret('SMTP_USER'), ctx.secret('SMTP_PASSWORD')]);
      if (Boolean(user) !== Boolean(pass)) throw new ToolRefusal('NOT_CONFIGURED', 'Set both tenant secrets SMTP_USER and SMTP_PASSWORD, or neither.');
      if (ctx.signal.aborted) throw abortRefusal(ctx.signal, 'sending the email');

      const timeout = Math.max(1000, ctx.timeoutMs);
      const transportOptions: SMTPTransport.Options = {
        host: smtp.host,
        port: smtp.port,
        secure: smtp.secure,
        auth: user && pass ? { user, pass } : undefined,
        connectionTimeout: timeout,
        greetingTimeout: timeout,
        socketTimeout: timeout,
        tls: { servername: smtp.host, rejectUnauthorized: true },
      };
      const transport = nodemailer.createTransport(transportOptions);
      const onAbort = () => transport.close();
      ctx.signal.addEventListener('abort', onAbort, { once: true });
      try {
        const info = await new Promise<SMTPTransport.SentMessageInfo>((resolve, reject) => {
          ctx.signal.addEventListener('abort', () => reject(abortRefusal(ctx.signal, 'sending the email')), { once: true });
          transport
            .sendMail({
              from: smtp.from,
              to: input.to,
              subject: input.subject.replace(/[\r\n]+/g, ' '),
              text: input.text,
              headers: { 'X-MCP-Request-Id': ctx.requestId, 'Auto-Submitted': 'auto-generated' },
            })
            .then(resolve, reject);
        });
        const addr = (a: string | { address: string }) => (typeof a === 'string' ? a : a.address);
        const accepted = info.accepted.map(addr);
        return {
          output: { messageId: info.messageId, accepted, rejected: info.rejected.map(addr) },
          effects: { resourcesTouched: [...new Set(accepted.map((a) => `email:@${a.split('@').pop()!.toLowerCase()}`))] },
        };
      } catch (e) {
        if (e instanceof ToolRefusal) throw e;
        throw refusalFor(e, smtp);
      } finally {
        ctx.signal.removeEventListener('abort', onAbort);
        transport.close();
      }
    },
  };
}

/** The production executor: the relay from the environment. */
export const emailSend = createEmailSend();
