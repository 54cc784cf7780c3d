// Human in the loop, end to end: an agent's critical call (plain JSON-RPC on /mcp with a CLI token) is held, shows
// up in the operators' inbox without a reload, and the decision taken there reaches the agent's approval_status.
import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, Page } from '@playwright/test';
import { test, expect, pageAs, storageStateFor } from './fixtures';
import { createToken } from './mcp/agent-token';

test.use({ storageState: storageStateFor('acmeOperator') });

const HEADERS = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };

interface ToolResult {
  isError?: boolean;
  content: { type: string; text: string }[];
  structuredContent?: Record<string, unknown>;
  _meta?: Record<string, unknown>;
}

/** An agent speaking MCP 2025-11-25 over plain HTTP with its bearer token (stateless: no session to keep). */
class Agent {
  private nextId = 1;
  constructor(
    private readonly request: APIRequestContext,
    private readonly token: string,
  ) {}

  private async rpc(method: string, params: unknown, headers: Record<string, string> = {}): Promise<unknown> {
    const res = await this.request.post('/mcp', { data: { jsonrpc: '2.0', id: this.nextId++, method, params }, headers: { ...HEADERS, authorization: `Bearer ${this.token}`, ...headers } });
    expect(res.status(), method).toBe(200);
    const body = (await res.json()) as { result?: unknown; error?: unknown };
    expect(body.error, method).toBeUndefined();
    return body.result;
  }

  async initialize(): Promise<void> {
    await this.rpc('initialize', { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'e2e-agent', version: '1' } });
  }

  call(name: string, args: Record<string, unknown>): Promise<ToolResult> {
    return this.rpc('tools/call', { name, arguments: args }, { 'mcp-protocol-version': '2025-11-25' }) as Promise<ToolResult>;
  }

  /** A paid acme invoice with over 1,100 EUR left to refund; `n` picks a different one per test. */
  async invoice(n: number): Promise<number> {
    const sql = `SELECT id FROM invoices WHERE status IN ('paid', 'partially_refunded') AND amount - refunded > 1100 ORDER BY id LIMIT 1 OFFSET ${n}`;
    const r = await this.call('sql_query', { sql });
    expect(r.isError ?? false, r.content[0]?.text).toBe(false);
    return Number((r.structuredContent as { rows: { id: number }[] }).rows[0]!.id);
  }

  /** Asks for a refund, which is held: returns the approval id. */
  async holdRefund(invoiceId: number, amount: number, reason: string): Promise<string> {
    const r = await this.call('payment_refund', { invoiceId, amount, reason });
    expect(r.isError).toBe(true);
    expect(r.content[0]!.text).toMatch(/was NOT executed: it is held for an operator's approval/);
    return (r._meta as { approvalId: string }).approvalId;
  }

  async status(approvalId: string): Promise<Record<string, unknown>> {
    const r = await this.call('approval_status', { approvalId });
    expect(r.isError ?? false, r.content[0]?.text).toBe(false);
    return r.structuredContent!;
  }
}

/** An acme Finance agent (payment_refund is enabled for that team) with a name unique to this test. */
async function financeAgent(request: APIRequestContext, label: string): Promise<{ agent: Agent; name: string }> {
  const name = `e2e-${label}-${test.info().workerIndex}-${Date.now().toString(36)}`;
  const agent = new Agent(request, createToken(['--tenant', 'acme', '--team', 'finance', '--name', name]));
  await agent.initialize();
  return { agent, name };
}

const card = (page: Page, id: string) => page.getByTestId(`approval-${id}`);

async function badgeCount(page: Page): Promise<number> {
  const badge = page.getByTestId('approvals-badge');
  return (await badge.count()) ? Number.parseInt(await badge.innerText(), 10) : 0;
}

test('a held refund appears without a reload, with what the operator needs; approving runs it and the agent gets the result', async ({ page, request }) => {
  const { agent, name } = await financeAgent(request, 'approve');
  const invoiceId = await agent.invoice(0);
  await page.goto(`/approvals?q=${name}`);
  await expect(page.getByRole('heading', { name: `Nothing matches “${name}”` })).toBeVisible();

  const id = await agent.holdRefund(invoiceId, 1.5, 'Duplicate charge reported by jane.doe@example.com');
  const c = card(page, id);
  await expect(c).toBeVisible();
  await expect(c.getByRole('heading', { level: 3 })).toContainText('payment_refund');
  await expect(c.getByTestId('approval-status')).toHaveText('Pending');
  await expect(c.getByTestId('meta-agent-token')).toHaveText(name);
  await expect(c.getByTestId('meta-acts-for')).toHaveText('team Finance');
  await expect(c.getByTestId('meta-held-by')).toContainText('payment_refund is a critical tool');
  await expect(c.getByTestId('meta-approvals')).toHaveText('0 of 1 given');
  await expect(c.getByTestId('arg-invoiceId')).toHaveText(String(invoiceId));
  await expect(c.getByTestId('arg-amount')).toHaveText('1.5');
  await expect(c.getByTestId('arg-reason')).toContainText('Duplicate charge reported by');
  await expect(c.getByTestId('arg-reason')).not.toContainText('jane.doe@example.com');
  await expect(c.getByTestId('time-left')).toHaveText(/^\d+ min \d\d s left$/);
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  // The navigation badge follows the tenant's pending count, which now includes this call.
  await expect(async () => {
    const pending = ((await (await page.request.get('/api/v1/approvals/count')).json()) as { pending: number }).pending;
    expect(pending).toBeGreaterThanOrEqual(1);
    expect(await badgeCount(page)).toBe(pending);
  }).toPass();

  // Reveal shows the full arguments, after saying that it is audited.
  await c.getByRole('button', { name: 'Reveal' }).click();
  const reveal = page.getByRole('dialog');
  await expect(reveal).toContainText('Revealing it is audited');
  await reveal.getByRole('button', { name: 'Reveal and record' }).click();
  await expect(reveal.getByTestId('arg-reason')).toHaveText('Duplicate charge reported by jane.doe@example.com');
  await page.keyboard.press('Escape');
  await expect(reveal).toBeHidden();

  await c.getByRole('button', { name: 'Approve', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('heading')).toHaveText('Approve payment_refund?');
  await dialog.getByLabel('Note (optional)').fill('Duplicate confirmed in the bank statement');
  await dialog.getByRole('button', { name: 'Approve and run' }).click();
  await expect(dialog).toBeHidden();
  await expect(c).toHaveAttribute('data-status', 'executed');
  await expect(c.getByTestId('approval-status')).toHaveText('Executed');
  await expect(c.getByTestId('approval-result')).toContainText('refunded');
  await expect(c.getByTestId('approval-votes')).toContainText('Approved by Omar Operator (Acme)');
  await expect(c.getByTestId('approval-votes')).toContainText('Duplicate confirmed in the bank statement');
  await expect(c.getByRole('button', { name: 'Approve', exact: true })).toHaveCount(0);

  expect(await agent.status(id)).toMatchObject({ approvalId: id, status: 'executed', approvalsGiven: 1, result: { isError: false, structuredContent: { invoiceId, refunded: 1.5 } } });
});

test.describe('denial and tenant isolation', () => {
  // globex's operator asking for acme's approval gets a 404, which Chromium logs as a failed resource.
  test.use({ expectedConsoleErrors: /status of 404/ });

  test("another tenant's operator never sees the call; a denial's reason reaches the agent and the history", async ({ page, request, browser }) => {
    const { agent, name } = await financeAgent(request, 'deny');
    const id = await agent.holdRefund(await agent.invoice(1), 2, 'Customer says the parcel never arrived');

    const globex = await pageAs(browser, 'globexOperator');
    await globex.goto(`/approvals?q=${name}`);
    await expect(globex.getByRole('heading', { name: `Nothing matches “${name}”` })).toBeVisible();
    await globex.goto(`/approvals?id=${id}`);
    await expect(globex.getByRole('region', { name: 'Linked approval' }).getByRole('alert')).toContainText('This approval cannot be shown');
    expect((await globex.request.get(`/api/v1/approvals/${id}`)).status()).toBe(404);
    expect((await globex.request.post(`/api/v1/approvals/${id}/decision`, { data: { decision: 'approve' } })).status()).toBe(404);
    await globex.context().close();

    // The notification's deep link opens the approval; the whole decision works from the keyboard.
    await page.goto(`/approvals?id=${id}`);
    const c = card(page, id);
    await expect(page.getByRole('heading', { name: 'Linked approval' })).toBeVisible();
    const deny = c.getByRole('button', { name: 'Deny' });
    await deny.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByLabel('Reason')).toBeFocused();
    await dialog.getByRole('button', { name: 'Deny call' }).click();
    await expect(dialog.getByRole('alert')).toHaveText('Say why you deny this call (at least 3 characters): the agent and its owner will read it.');
    await dialog.getByLabel('Reason').fill('The carrier confirmed delivery with a signature');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(c).toHaveAttribute('data-status', 'denied');
    await expect(c.getByTestId('approval-status-reason')).toHaveText('Reason: The carrier confirmed delivery with a signature');

    expect(await agent.status(id)).toMatchObject({ status: 'denied', reason: 'The carrier confirmed delivery with a signature', result: null });

    // The history, read by the tenant admin (who may not decide), links to the call's audit events.
    const admin = await pageAs(browser, 'acmeTenantAdmin');
    await admin.goto(`/approvals?tab=history&q=${name}`);
    await expect(admin.getByRole('tab', { name: 'History' })).toHaveAttribute('aria-selected', 'true');
    const h = card(admin, id);
    await expect(h.getByTestId('approval-status')).toHaveText('Denied');
    await expect(h.getByTestId('approval-votes')).toContainText('Denied by Omar Operator (Acme)');
    await expect(h.getByTestId('decision-latency')).toHaveText(/^\d+ (s|min \d\d s)$/);
    await h.getByRole('link', { name: 'Audit events of this call' }).click();
    await expect(admin).toHaveURL(/\/audit\?q=[0-9a-f-]{36}$/);
    await expect(admin.getByRole('table')).toContainText('approval.denied');
    await admin.context().close();
  });
});

test('the two-person rule: above 500 EUR a refund runs only after a second, different operator approves', async ({ page, request, browser }) => {
  const { agent } = await financeAgent(request, 'two-person');
  const invoiceId = await agent.invoice(2);
  const id = await agent.holdRefund(invoiceId, 512.5, 'Refund of a cancelled annual subscription');

  await page.goto(`/approvals?id=${id}`);
  const c = card(page, id);
  await expect(c.getByTestId('meta-approvals')).toHaveText('0 of 2 given (two-person rule)');
  await c.getByRole('button', { name: 'Approve', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('the call runs once another operator approves too');
  await dialog.getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(c.getByTestId('meta-approvals')).toHaveText('1 of 2 given (two-person rule)');
  await expect(c.getByTestId('cannot-decide')).toHaveText('You already approved this call: the two-person rule needs a different operator.');
  await expect(c.getByTestId('approval-status')).toHaveText('Pending');
  expect(await agent.status(id)).toMatchObject({ status: 'pending', approvalsRequired: 2, approvalsGiven: 1, result: null });

  const second = await pageAs(browser, 'acmeOperator2');
  await second.goto(`/approvals?id=${id}`);
  const c2 = card(second, id);
  await c2.getByRole('button', { name: 'Approve', exact: true }).click();
  await second.getByRole('dialog').getByRole('button', { name: 'Approve and run' }).click();
  await expect(c2).toHaveAttribute('data-status', 'executed');
  await expect(c2.getByTestId('approval-votes')).toContainText('Approved by Omar Operator (Acme)');
  await expect(c2.getByTestId('approval-votes')).toContainText('Approved by Oscar Operator (Acme)');
  await second.context().close();

  // The first operator's page follows without a reload.
  await expect(c).toHaveAttribute('data-status', 'executed');
  const status = await agent.status(id);
  expect(status).toMatchObject({ status: 'executed', approvalsGiven: 2, result: { isError: false, structuredContent: { invoiceId, refunded: 512.5 } } });
  expect(status.decidedBy).toEqual(expect.arrayContaining(['Omar Operator (Acme)', 'Oscar Operator (Acme)']));
});
