// The /mcp route as deployed (next start): discovery, the 401 challenge, and a real tools/list with a CLI token.
import { test, expect } from '../fixtures';
import { createToken } from './agent-token';

const INIT = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'e2e', version: '1' } } };
const HEADERS = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };

test('serves RFC 9728 protected resource metadata and challenges unauthenticated calls', async ({ request, baseURL }) => {
  const meta = await request.get('/.well-known/oauth-protected-resource/mcp');
  expect(meta.status()).toBe(200);
  expect(await meta.json()).toMatchObject({ resource: `${baseURL}/mcp`, bearer_methods_supported: ['header'] });
  const res = await request.post('/mcp', { data: INIT, headers: HEADERS });
  expect(res.status()).toBe(401);
  expect(res.headers()['www-authenticate']).toBe(`Bearer resource_metadata="${baseURL}/.well-known/oauth-protected-resource/mcp", scope="mcp:tools"`);
});

test('an agent token created with the CLI initializes and lists its tenant tools', async ({ request }) => {
  const token = createToken(['--tenant', 'globex', '--name', `e2e-${Date.now()}`, '--scopes', 'kb_search,github_search_issues']);
  const headers = { ...HEADERS, authorization: `Bearer ${token}` };
  const init = await request.post('/mcp', { data: INIT, headers });
  expect(init.status()).toBe(200);
  expect((await init.json()).result.serverInfo.name).toBe('mcp-tool-platform');
  const list = await request.post('/mcp', { data: { jsonrpc: '2.0', id: 2, method: 'tools/list', params: {} }, headers: { ...headers, 'mcp-protocol-version': '2025-11-25' } });
  const names = ((await list.json()).result.tools as { name: string }[]).map((t) => t.name).filter((n) => !n.startsWith('test_') && n !== 'json_schema_2020_12_tool');
  expect(names.sort()).toEqual(['github_search_issues', 'kb_search']);
  expect(list.headers()['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
});
