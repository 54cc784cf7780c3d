// Held calls reach operators beyond the inbox (email through the relay, the tenant's signed webhook), and an
// approved external effect (email_send) leaves exactly once, recorded as dispatched before it leaves.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/lib/server/db/client';
import { encryptSecret } from '@/lib/server/secrets';
import { setApprovalWebhook } from '@/lib/services/tenant-policy/set-approval-webhook';
import { actorFor } from '@/lib/testing/actors';
import { connect, tokenFor } from '@/lib/testing/mcp';
import { startSmtpSink, type SmtpSink } from '@/lib/testing/smtp-sink';
import { decideAndRun } from './decide-and-run';
import { signTimestamped } from '@/lib/server/crypto';
import { notifyApprovalWebhook } from './notify-webhook';

let sink: SmtpSink;
/** A message's text with quoted-printable soft breaks and "=3D" undone. */
const plain = (raw: string) => raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
beforeAll(async () => {
  sink = await startSmtpSink();
  process.env.SMTP_URL = `smtp://${sink.host}:${sink.port}`;
  process.env.SMTP_FROM = 'platform@acme.example';
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  await sink.close();
});

describe('announcing a held call', () => {
  it("emails the tenant's operators, and an approved email_send is sent once, dispatch recorded first", async () => {
    const support = await tokenFor('acme', { team: 'Support', name: 'mailer' });
    const c = await connect(support.token);
    const subject = `Quarterly report ${Date.now()}`;
    const held = await c.callTool({ name: 'email_send', arguments: { to: ['cfo@acme-customers.example'], subject, text: 'Attached.' } });
    await c.close();
    const id = (held._meta as { approvalId: string }).approvalId;
    await vi.waitFor(() => expect(sink.messages.some((m) => plain(m.raw).includes(`approvals?id=${id}`))).toBe(true), { timeout: 10_000, interval: 50 });
    const notice = sink.messages.find((m) => plain(m.raw).includes(`approvals?id=${id}`))!;
    expect(notice.to).toContain('operator@acme.example');
    expect(notice.to.some((t) => t.endsWith('@globex.example'))).toBe(false);

    const view = await decideAndRun({ actor: await actorFor('operator@acme.example'), id, decision: 'approve', reason: 'Board asked for it' });
    expect(view.status).toBe('executed');
    expect(view.result?.isError).toBe(false);
    expect(sink.messages.filter((m) => m.raw.includes(`Subject: ${subject}`))).toHaveLength(1);
    const events = await (await getDb()).auditEvent.findMany({ where: { requestId: view.correlationId }, orderBy: { createdAt: 'asc' }, select: { action: true } });
    expect(events.map((e) => e.action)).toEqual(['tool.called', 'approval.approved', 'tool.dispatched', 'tool.called']);
  });

  it('a tenant webhook: https only, a secret shown once, each event signed over its timestamp and body', async () => {
    const admin = await actorFor('tenant-admin@acme.example');
    const db = await getDb();
    const acme = await db.tenant.findUniqueOrThrow({ where: { slug: 'acme' } });
    await expect(setApprovalWebhook({ actor: admin, tenantId: acme.id, url: 'http://chat.acme.example/hook', rotateSecret: false })).rejects.toMatchObject({ code: 'VALIDATION' });
    const first = await setApprovalWebhook({ actor: admin, tenantId: acme.id, url: 'https://chat.acme.example/hook', rotateSecret: false });
    expect(first.newSecret).toMatch(/^whsec_/);
    const again = await setApprovalWebhook({ actor: admin, tenantId: acme.id, url: 'https://chat.acme.example/hooks/2', rotateSecret: false });
    expect(again.newSecret).toBeUndefined();
    const globexAdmin = await actorFor('tenant-admin@globex.example');
    await expect(setApprovalWebhook({ actor: globexAdmin, tenantId: acme.id, url: '', rotateSecret: false })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    // A receiver on loopback (reachable only with the test-only egress switch; the guard refuses it otherwise).
    const received: { body: string; signature: string }[] = [];
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (d: Buffer) => chunks.push(d));
      req.on('end', () => {
        received.push({ body: Buffer.concat(chunks).toString('utf8'), signature: String(req.headers['x-approval-signature']) });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const secret = 'whsec_test_secret_value';
    await db.tenantPolicy.update({ where: { tenantId: acme.id }, data: { approvalWebhookUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, approvalWebhookSecret: JSON.stringify(encryptSecret(secret)) } });
    try {
      const event = { approvalId: 'appr_1', tenant: 'acme', tool: 'payment_refund', token: 'finance-bot', approvalsRequired: 2, expiresAt: new Date('2026-12-01T10:00:00Z'), portalUrl: 'https://portal.acme.example' };
      await expect(notifyApprovalWebhook(db, acme.id, event)).rejects.toMatchObject({ code: 'EGRESS_DENIED' });
      expect(await notifyApprovalWebhook(db, acme.id, event, { allowPrivateAddresses: true })).toBe(204);
      const [got] = received;
      const t = Number(/^t=(\d+),/.exec(got!.signature)![1]);
      expect(got!.signature).toBe(signTimestamped(secret, got!.body, t));
      expect(JSON.parse(got!.body)).toMatchObject({ type: 'approval.pending', approvalId: 'appr_1', tool: 'payment_refund', approvalsRequired: 2, url: 'https://portal.acme.example/approvals?id=appr_1' });
    } finally {
      server.close();
      await setApprovalWebhook({ actor: admin, tenantId: acme.id, url: '', rotateSecret: false });
    }
  });
});
