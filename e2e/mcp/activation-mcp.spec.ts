// Activation reaches /mcp: a tenant admin enables a tool for one team in the portal; an agent token of that team
// lists it at once, another team's token does not.
import { test, expect, storageStateFor } from '../fixtures';
import { createToken } from './agent-token';

test.use({ storageState: storageStateFor('acmeTenantAdmin') });

const HEADERS = { 'content-type': 'application/json', accept: 'application/json, text/event-stream', 'mcp-protocol-version': '2025-11-25' };

test('a tool enabled for one team in the portal is listed for that team’s agent token only', async ({ page, request }) => {
  await page.goto('/activation');
  await page.getByTestId('cell-payment_refund-hr').getByRole('button').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Enable').check();
  await dialog.getByLabel('Reason').fill('HR reimburses candidates’ travel expenses');
  await dialog.getByRole('button', { name: 'Save rule' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('cell-payment_refund-hr').getByRole('button')).toHaveAccessibleName(/: On .*\(enabled for team HR/);

  const hr = createToken(['--tenant', 'acme', '--team', 'hr', '--name', `hr-agent-${Date.now()}`]);
  const support = createToken(['--tenant', 'acme', '--team', 'support', '--name', `support-agent-${Date.now()}`]);
  const list = async (token: string) => {
    const res = await request.post('/mcp', { data: { jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} }, headers: { ...HEADERS, authorization: `Bearer ${token}` } });
    expect(res.status()).toBe(200);
    return ((await res.json()).result.tools as { name: string }[]).map((t) => t.name);
  };
  // Replicas may reuse a read for up to MCP_POLICY_CACHE_MS (≤ 2 s): poll rather than sleep.
  await expect.poll(() => list(hr), { timeout: 5_000 }).toContain('payment_refund');
  expect(await list(support)).not.toContain('payment_refund');
});
