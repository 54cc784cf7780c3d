import 'server-only';
// Delivers an invitation or reset link through the platform's SMTP relay when one is configured (SMTP_URL or
// SMTP_HOST, read at call time like email_send's); otherwise, or when the relay refuses, the admin is shown the
// link once instead. Called after the commit: a relay that is down never undoes the change.
import nodemailer from 'nodemailer';
import type { IssuedLink } from './account-link';

interface Relay { host: string; port: number; secure: boolean; from: string }

function relayFromEnv(e: Record<string, string | undefined> = process.env): Relay | null {
  const fromOf = (host: string) => e.SMTP_FROM?.trim() || `no-reply@${host}`;
  if (e.SMTP_URL?.trim()) {
    const u = new URL(e.SMTP_URL.trim());
    const secure = u.protocol === 'smtps:';
    return { host: u.hostname, port: Number(u.port) || (secure ? 465 : 587), secure, from: fromOf(u.hostname) };
  }
  const host = e.SMTP_HOST?.trim();
  if (!host) return null;
  const secure = e.SMTP_SECURE === '1' || e.SMTP_SECURE === 'true';
  return { host, port: e.SMTP_PORT ? Number(e.SMTP_PORT) : secure ? 465 : 587, secure, from: fromOf(host) };
}

export type LinkDelivery = { delivery: 'email'; expiresAt: Date } | { delivery: 'shown'; url: string; expiresAt: Date; emailError: string | null };

export async function deliverAccountLink(link: IssuedLink, to: { email: string; name: string }, tenantName: string | null): Promise<LinkDelivery> {
  let relay: Relay | null;
  try {
    relay = relayFromEnv();
  } catch {
    relay = null;
  }
  if (!relay) return { delivery: 'shown', url: link.url, expiresAt: link.expiresAt, emailError: null };
  const transport = nodemailer.createTransport({ host: relay.host, port: relay.port, secure: relay.secure, connectionTimeout: 5_000, greetingTimeout: 5_000, socketTimeout: 10_000, tls: { rejectUnauthorized: process.env.NODE_ENV === 'production' } });
  const until = `${link.expiresAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const [subject, intro] =
    link.purpose === 'invite'
      ? [`You are invited to the MCP Tool Platform${tenantName ? ` (${tenantName})` : ''}`, 'An administrator invited you to the MCP Tool Platform. Open this link to set your password:']
      : ['Reset your MCP Tool Platform password', 'An administrator started a password reset for your account. Open this link to choose a new password:'];
  try {
    await transport.sendMail({ from: relay.from, to: to.email, subject, text: `Hello ${to.name},\n\n${intro}\n\n${link.url}\n\nThe link works once, until ${until}.\n` });
    return { delivery: 'email', expiresAt: link.expiresAt };
  } catch (e) {
    console.warn(`[admin] could not email the ${link.purpose} link: ${e instanceof Error ? e.message : String(e)}`);
    return { delivery: 'shown', url: link.url, expiresAt: link.expiresAt, emailError: 'The email could not be sent, so the link is shown here instead.' };
  } finally {
    transport.close();
  }
}
