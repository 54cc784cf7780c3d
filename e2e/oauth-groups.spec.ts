// Consent with a tool group: the user unticks "All tools I may use", ticks "All knowledge tools" (its tools shown as
// included), allows; the MCP client then sees the knowledge tools the user may use and none of the others, and Connected apps
// names the group.
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { test, expect, pageAs } from './fixtures';
import { callbackServer, memoryProvider } from '../lib/testing/oauth-client';

test('a user grants one tool group; the client sees only that group\'s tools', async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const cb = await callbackServer();
  const clientName = `E2E group client ${Date.now()}`;
  const { provider, state } = memoryProvider(cb.url, clientName);
  try {
    const mcpUrl = new URL(`${baseURL}/mcp`);
    await expect(new Client({ name: 'e2e-oauth-groups', version: '1.0.0' }).connect(new StreamableHTTPClientTransport(mcpUrl, { authProvider: provider }))).rejects.toThrow();
    const page = await pageAs(browser, 'acmeRequester');
    await page.goto(state.authUrl!.toString());
    await page.getByRole('checkbox', { name: 'All tools I may use' }).uncheck();
    const group = page.getByRole('group', { name: 'knowledge' });
    await group.getByRole('checkbox', { name: 'All knowledge tools' }).check();
    const tools = group.locator('input[name="tools"]');
    const slugs = (await tools.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).sort();
    expect(slugs).toContain('kb_search');
    const others = await page.locator('[role="group"]:not([aria-label="knowledge"]) input[name="tools"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(others.length).toBeGreaterThan(0);
    for (const box of await tools.all()) {
      await expect(box).toBeChecked();
      await expect(box).toBeDisabled();
    }
    await page.getByRole('button', { name: 'Allow' }).click();
    const params = await cb.params;
    // The browser's own navigation to the callback has ended before the test goes on; the portal check below runs in
    // a page of its own, which no late navigation of this one can interrupt.
    await page.waitForURL((u) => `${u.origin}${u.pathname}` === cb.url);
    await new StreamableHTTPClientTransport(mcpUrl, { authProvider: provider }).finishAuth(params);
    const client = new Client({ name: 'e2e-oauth-groups', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(mcpUrl, { authProvider: provider }));
    // Every knowledge tool, none of the user's other tools (the test-fixture tools of MCP_TEST_FIXTURES aside).
    const listed = (await client.listTools()).tools.map((t) => t.name);
    expect(listed).toEqual(expect.arrayContaining(slugs));
    expect(listed.filter((name) => others.includes(name))).toEqual([]);
    await client.close();

    const apps = await page.context().newPage();
    await apps.goto('/connected-apps');
    await expect(apps.getByTestId('connection-row').filter({ hasText: clientName })).toContainText('All knowledge tools');
  } finally {
    cb.close();
  }
});
