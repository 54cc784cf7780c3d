import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZEmailSendInput, ZEmailSendOutput } from '@/lib/schemas/builtin-tools';
import { startSmtpSink, type SmtpSink } from '@/lib/testing/smtp-sink';
import { makeToolContext } from '@/lib/testing/tool-context';
import { createEmailSend, smtpConfigFromEnv } from './email-send';
import { ToolRefusal } from './types';

let open: SmtpSink, authed: SmtpSink;
beforeAll(async () => {
  [open, authed] = await Promise.all([startSmtpSink(), startSmtpSink({ users: { acme: 's3cret' } })]);
});
afterAll(async () => {
  await Promise.all([open.close(), authed.close()]);
});

const smtp = (s: SmtpSink) => ({ host: s.host, port: s.port, secure: false, from: 'Acme Support <support@acme.example>' });
const send = (s: SmtpSink, input: Record<string, unknown>, secrets: Record<string, string> = {}) =>
  createEmailSend({ smtp: smtp(s) }).execute(makeToolContext({ secrets }), ZEmailSendInput.parse(input));
async function refused(p: Promise<unknown>): Promise<ToolRefusal> {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(e, `expected a refusal, got ${String(e)}`).toBeInstanceOf(ToolRefusal);
  return e as ToolRefusal;
}

describe('email_send', () => {
  it('delivers a plain-text message to the relay', async () => {
    const r = await send(open, { to: ['jane@customer.example', 'bob@other.example'], subject: 'Your refund\r\nBcc: evil@x.example', text: 'Hello Jane,\nyour refund is on its way.' });
    const out = ZEmailSendOutput.parse(r.output);
    expect(out.accepted).toEqual(['jane@customer.example', 'bob@other.example']);
    expect(out.rejected).toEqual([]);
    expect(out.messageId).toMatch(/^<.+>$/);
    expect(r.effects.resourcesTouched).toEqual(['email:@customer.example', 'email:@other.example']);
    const m = open.messages[open.messages.length - 1]!;
    expect(m.from).toBe('support@acme.example');
    expect(m.to).toEqual(['jane@customer.example', 'bob@other.example']);
    expect(m.raw).toContain('Subject: Your refund Bcc: evil@x.example');
    expect(m.raw).not.toMatch(/^Bcc:/m);
    expect(m.raw).toContain('your refund is on its way.');
    expect(m.raw).toMatch(/^X-MCP-Request-Id: req-/im);
  });

  it('reports recipients the relay refused, and refuses when all are refused', async () => {
    const r = await send(open, { to: ['ok@customer.example', 'reject@customer.example'], subject: 'Hi', text: 'x' });
    expect([r.output.accepted, r.output.rejected]).toEqual([['ok@customer.example'], ['reject@customer.example']]);
    const e = await refused(send(open, { to: ['reject@customer.example'], subject: 'Hi', text: 'x' }));
    expect(e.code).toBe('INVALID');
    expect(e.message).toMatch(/^The SMTP server refused the recipients: .*reject@customer\.example/);
  });

  it('authenticates with the tenant secrets', async () => {
    await send(authed, { to: ['a@customer.example'], subject: 'Hi', text: 'x' }, { SMTP_USER: 'acme', SMTP_PASSWORD: 's3cret' });
    expect(authed.messages[authed.messages.length - 1]!.user).toBe('acme');
    const e = await refused(send(authed, { to: ['a@customer.example'], subject: 'Hi', text: 'x' }, { SMTP_USER: 'acme', SMTP_PASSWORD: 'wrong' }));
    expect([e.code, e.message]).toEqual(['NOT_CONFIGURED', `The SMTP server ${authed.host}:${authed.port} rejected the credentials (tenant secrets SMTP_USER / SMTP_PASSWORD).`]);
    expect((await refused(send(authed, { to: ['a@customer.example'], subject: 'Hi', text: 'x' }, { SMTP_USER: 'acme' }))).message).toBe('Set both tenant secrets SMTP_USER and SMTP_PASSWORD, or neither.');
  });

  it('refuses when the relay is unreachable or not configured', async () => {
    const closed = await startSmtpSink();
    await closed.close();
    const e = await refused(createEmailSend({ smtp: smtp(closed) }).execute(makeToolContext(), ZEmailSendInput.parse({ to: ['a@b.example'], subject: 'Hi', text: 'x' })));
    expect(e.code).toBe('UPSTREAM');
    expect(e.message).toMatch(new RegExp(`^Could not deliver to the SMTP server 127\\.0\\.0\\.1:${closed.port} \\((ECONNECTION|ESOCKET):`));
  });

  it('rejects promptly when aborted before sending', async () => {
    const ac = new AbortController();
    ac.abort();
    const before = open.messages.length;
    const e = await refused(createEmailSend({ smtp: smtp(open) }).execute(makeToolContext({ signal: ac.signal }), ZEmailSendInput.parse({ to: ['a@b.example'], subject: 'Hi', text: 'x' })));
    expect(e.code).toBe('CANCELLED');
    expect(open.messages.length).toBe(before);
  });
});

describe('smtpConfigFromEnv', () => {
  it.each([
    [{}, null],
    [{ SMTP_URL: 'smtps://mail.example.com' }, { host: 'mail.example.com', port: 465, secure: true, from: 'no-reply@mail.example.com' }],
    [{ SMTP_URL: 'smtp://relay.internal:2525', SMTP_FROM: 'bot@acme.example' }, { host: 'relay.internal', port: 2525, secure: false, from: 'bot@acme.example' }],
    [{ SMTP_HOST: 'relay', SMTP_PORT: '25' }, { host: 'relay', port: 25, secure: false, from: 'no-reply@relay' }],
    [{ SMTP_HOST: 'relay', SMTP_SECURE: '1' }, { host: 'relay', port: 465, secure: true, from: 'no-reply@relay' }],
  ])('%j', (env, expected) => expect(smtpConfigFromEnv(env)).toEqual(expected));

  it('refuses malformed values', () => {
    expect(() => smtpConfigFromEnv({ SMTP_URL: 'http://x' })).toThrow('SMTP_URL must start with smtp:// or smtps:// (got "http:").');
    expect(() => smtpConfigFromEnv({ SMTP_HOST: 'x', SMTP_PORT: 'abc' })).toThrow('SMTP_PORT must be a port number (got "abc").');
  });
});
