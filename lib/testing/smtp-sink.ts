// Test SMTP server on loopback (an ephemeral port) that keeps what it receives: envelope and raw message.
// Recipients whose address contains "reject" are refused at RCPT TO; AUTH is required when `users` is given.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface SunkMessage {
  from: string;
  to: string[];
  raw: string;
  user: string | null;
}

export interface SmtpSink {
  host: string;
  port: number;
  messages: SunkMessage[];
  close(): Promise<void>;
}

export async function startSmtpSink(opts: { users?: Record<string, string> } = {}): Promise<SmtpSink> {
  const messages: SunkMessage[] = [];
  const server = new SMTPServer({
    secure: false,
    disabledCommands: opts.users ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: !opts.users,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, cb) {
      if (opts.users && opts.users[auth.username ?? ''] === auth.password) cb(null, { user: auth.username });
      else cb(new Error('Invalid username or password'));
    },
    onRcptTo(address, _session, cb) {
      if (address.address.includes('reject')) cb(Object.assign(new Error(`Mailbox ${address.address} unavailable`), { responseCode: 550 }));
      else cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
          user: typeof session.user === 'string' ? session.user : null,
        });
        cb();
      });
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.server.address() as AddressInfo).port;
  return { host: '127.0.0.1', port, messages, close: () => new Promise((r) => server.close(() => r())) };
}
