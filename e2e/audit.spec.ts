// The audit log end to end: an agent's calls through /mcp are found by their request id, opened and exported by an
// auditor; a tenant admin sees only their own tenant, and another tenant's event is a 404 for them.
import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext } from '@playwright/test';
import { test, expect, pageAs, storageStateFor } from './fixtures';
import { createToken } from './mcp/agent-token';

test.use({ storageState: storageStateFor('auditor') });

const HEADERS = { 'content-type': 'application/json', accept: 'application/json, text/event-stream', 'mcp-protocol-version': '2025-11-25' };

/** One tools/call over plain HTTP; returns the request id the platform gave the call (the x-request-id header). */
async function callTool(request: APIRequestContext, token: string, name: string, args: Record<string, unknown>): Promise<string> {
  const res = await request.post('/mcp', { data: { jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name, arguments: args } }, headers: { ...HEADERS, authorization: `Bearer ${token}` } });
  expect(res.status()).toBe(200);
  const requestId = res.headers()['x-request-id'];
  expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
  return requestId!;
}

const CSV_HEADER = 'id,createdAt,requestId,tenant,actorKind,actor,actorId,via,action,resourceType,resourceId,toolSlug,toolVersion,outcome,errorCode,latencyMs,costMicros,ip,resourcesTouched,details,traceId,seq,hash';

test('an auditor finds a call by its request id, opens the event and exports the search as CSV', async ({ page, request }) => {
  const name = `audit-e2e-${Date.now().toString(36)}`;
  const token = createToken(['--tenant', 'acme', '--team', 'finance', '--name', name]);
  const requestId = await callTool(request, token, 'sql_query', { sql: 'SELECT id FROM invoices ORDER BY id LIMIT 1' });

  await page.goto('/audit');
  await page.getByLabel('Search').fill(requestId);
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(new RegExp(`q=${requestId}`));
  await expect(page.getByTestId('audit-count')).toHaveText('1 event');
  const row = page.getByRole('row').filter({ hasText: `token:${name}` });
  await expect(row).toContainText('tool.called');
  await expect(row).toContainText('acme');

  // At 1280 px nothing is cut off: the table does not scroll sideways and no cell overflows its column.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/audit');
  const overflow = await page.getByRole('table', { name: 'Audit events' }).evaluate((table) => ({
    table: table.scrollWidth - table.parentElement!.clientWidth,
    cells: [...table.querySelectorAll('td')].filter((td) => td.scrollWidth > td.clientWidth + 1).map((td) => td.textContent),
  }));
  expect(overflow.table).toBeLessThanOrEqual(0);
  expect(overflow.cells).toEqual([]);
  await page.goBack();

  await row.getByRole('link', { name: `Open event tool.called of request ${requestId}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'tool.called' })).toBeVisible();
  await expect(page.getByTestId('request-id')).toHaveText(requestId);
  await expect(page.getByRole('link', { name: `token:${name}` })).toHaveAttribute('href', `/audit?actor=token%3A${name}`);
  await expect(page.getByTestId('audit-details')).toContainText('SELECT id FROM invoices');
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  // The timestamp is shown in the browser's zone, with UTC on hover.
  await expect(page.locator('time').first()).toHaveAttribute('title', /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/);

  await page.getByRole('link', { name: 'Search events of this request' }).click();
  await expect(page.getByTestId('audit-count')).toHaveText('1 event');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^audit-\d{8}-\d{6}\.csv$/);
  const csv = fs.readFileSync((await download.path())!, 'utf8').split('\r\n');
  expect(csv[0]).toBe(CSV_HEADER);
  expect(csv[1]).toContain(`,${requestId},acme,agent,token:${name},`);
  expect(csv[2]).toBe('');
});

test('a "From" after "To" is an error above the table, with the filters kept', async ({ page }) => {
  await page.goto('/audit?from=2026-06-02T10:00:00.000Z&to=2026-06-01T10:00:00.000Z&tool=sql_query');
  await expect(page.getByRole('alert').filter({ hasText: 'These filters cannot be applied' })).toContainText('“From” (2026-06-02 10:00 UTC) is after “To” (2026-06-01 10:00 UTC)');
  await expect(page.getByLabel('Tool')).toHaveValue('sql_query');
  await expect(page.getByRole('table')).toHaveCount(0);
});

test.describe('a tenant admin', () => {
  test.use({ expectedConsoleErrors: /status of 404/ });

  test('sees only their own tenant, and another tenant’s event is not found', async ({ browser, request }) => {
    test.slow(); // two token CLIs and three signed-in pages: minutes on a busy 2-core machine
    const globexToken = createToken(['--tenant', 'globex', '--name', `audit-e2e-globex-${Date.now().toString(36)}`]);
    const globexRequest = await callTool(request, globexToken, 'no_such_tool', {});

    const auditor = await pageAs(browser, 'auditor');
    await auditor.goto(`/audit?q=${globexRequest}`);
    const link = auditor.getByRole('link', { name: new RegExp(`of request ${globexRequest}`) });
    await expect(link).toHaveCount(1);
    const href = (await link.getAttribute('href'))!;

    const admin = await pageAs(browser, 'acmeTenantAdmin');
    await admin.goto('/audit');
    await expect(admin.getByLabel('Tenant', { exact: true })).toHaveCount(0);
    const rows = admin.getByRole('table', { name: 'Audit events' }).locator('tbody tr');
    await expect(rows.first()).toBeVisible();
    for (const text of await rows.allInnerTexts()) {
      expect(text).not.toContain('globex');
    }
    await admin.goto(`/audit?q=${globexRequest}`);
    await expect(admin.getByText('No audit events match')).toBeVisible();
    const res = await admin.goto(href);
    expect(res?.status()).toBe(404);
  });
});

test('the Audit page shows the state of the hash chain', async ({ browser }) => {
  const page = await pageAs(browser, 'auditor');
  await page.goto('/audit');
  const chain = page.getByTestId('chain-status');
  await expect(chain).toContainText('Sealed up to seq');
  await expect(chain).toContainText('Last verification');
  await page.context().close();
});
