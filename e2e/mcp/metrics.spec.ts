// /api/metrics on the deployed server: only with the scrape token, and it counts the calls /mcp answered (the /mcp
// fast path and the Next route share one registry in the process).
import { test, expect } from '../fixtures';
import { createToken } from './agent-token';

const HEADERS = { 'content-type': 'application/json', accept: 'application/json, text/event-stream', 'mcp-protocol-version': '2025-11-25' };

test.use({ expectedConsoleErrors: /status of 401/ });

test('metrics need the scrape token and count what /mcp answered', async ({ request }) => {
  expect((await request.get('/api/metrics')).status()).toBe(401);
  expect((await request.get('/api/metrics', { headers: { authorization: 'Bearer wrong-token-wrong-token' } })).status()).toBe(401);
  const token = createToken(['--tenant', 'globex', '--name', `metrics-${Date.now()}`]);
  const call = await request.post('/mcp', { data: { jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'kb_search', arguments: { query: 'vacation policy' } } }, headers: { ...HEADERS, authorization: `Bearer ${token}` } });
  expect(call.status()).toBe(200);
  const res = await request.get('/api/metrics', { headers: { authorization: 'Bearer e2e-metrics-scrape-token' } });
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toMatch(/^text\/plain/);
  const text = await res.text();
  expect(text).toMatch(/mcp_tool_calls_total\{tenant="globex",tool="kb_search",outcome="success"\} [1-9]\d*/);
  expect(text).toMatch(/mcp_tool_call_duration_seconds_count\{tenant="globex",tool="kb_search"\} [1-9]\d*/);
  expect(text).toMatch(/process_cpu_seconds_total/);
});
