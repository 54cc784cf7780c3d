// The official MCP SDK client's OAuth flow against this platform: 401 challenge → protected-resource metadata →
// authorization-server metadata → dynamic registration → authorization with PKCE and the resource indicator →
// consent (the service the consent page calls) → code exchange with the iss check → tools/list and a call.
// /mcp and the metadata route run in-process; the authorization server is the real provider on loopback.
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import type { Actor } from '@/lib/policy';
import { getDb } from '@/lib/server/db/client';
import { createFreshTenant } from '@/lib/testing/fresh-tenant';
import { consentAndGetCode, CookieJar, listenLoopback, startAuthServer, type TestAuthServer } from '@/lib/testing/oauth';
import { memoryProvider } from '@/lib/testing/oauth-client';
import { handleMcpRequest, PROTECTED_RESOURCE_PATH } from '@/mcp-server/http';

let server: http.Server;
let as: TestAuthServer;
let ann: Actor;

beforeAll(async () => {
  server = await listenLoopback();
  // The issuer is this deployment's origin: set before anything reads the environment.
  process.env.OAUTH_ISSUER = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  as = await startAuthServer({ server });
  const t = await createFreshTenant('oauthsdk');
  const db = await getDb();
  const kb = await db.tool.findUniqueOrThrow({ where: { slug: 'kb_search' } });
  await db.toolActivation.create({ data: { tenantId: t.tenant.id, toolId: kb.id, scope: 'tenant', scopeKey: 'tenant', enabled: true } });
  ann = { kind: 'user', id: t.users.inA, label: 'ann', tenantId: t.tenant.id, teamIds: [t.teams.a], roles: ['requester'], via: 'portal', ip: null };
});
afterAll(async () => as?.close());

it('completes the SDK client\'s OAuth flow, then lists and calls tools', async () => {
  const { GET: protectedResource } = await import('@/app/.well-known/oauth-protected-resource/mcp/route');
  const fetchHook = async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.origin === as.issuer && url.pathname === '/mcp') return handleMcpRequest(new Request(url, init));
    if (url.origin === as.issuer && url.pathname === PROTECTED_RESOURCE_PATH) return protectedResource(new Request(url, init));
    return fetch(input, init);
  };
  const redirect = 'http://127.0.0.1:49152/callback';
  const { provider, state } = memoryProvider(redirect, 'SDK client');
  const mcpUrl = new URL(`${as.issuer}/mcp`);
  const first = await new Client({ name: 'sdk', version: '1' }).connect(new StreamableHTTPClientTransport(mcpUrl, { authProvider: provider, fetch: fetchHook })).then(() => null, (e: unknown) => e);
  expect(String(first)).toMatch(/Unauthorized/i);
  expect(state.client?.client_id).toBeTruthy();
  const authUrl = state.authUrl!;
  expect(authUrl.origin + authUrl.pathname).toBe(`${as.issuer}/oauth/authorize`);
  expect(authUrl.searchParams.get('code_challenge_method')).toBe('S256');
  expect(authUrl.searchParams.get('resource')).toBe(`${as.issuer}/mcp`);
  expect(authUrl.searchParams.get('scope')?.split(' ')).toContain('mcp:tools');

  // The browser: the authorization endpoint sends it to the consent page, the user allows, it comes back with a code.
  const jar = new CookieJar();
  const start = await fetch(authUrl, { redirect: 'manual' });
  jar.take(start);
  const uid = /\/oauth\/consent\/([^/?#]+)/.exec(start.headers.get('location') ?? '')![1]!;
  const { location } = await consentAndGetCode(as, ann, { uid, jar }, { all: true });
  expect(location.origin + location.pathname).toBe(redirect);

  const transport = new StreamableHTTPClientTransport(mcpUrl, { authProvider: provider, fetch: fetchHook });
  await transport.finishAuth(location.searchParams);
  expect(state.tokens?.access_token).toBeTruthy();
  const client = new Client({ name: 'sdk', version: '1' });
  await client.connect(new StreamableHTTPClientTransport(mcpUrl, { authProvider: provider, fetch: fetchHook }));
  expect((await client.listTools()).tools.map((t) => t.name)).toEqual(['kb_search']);
  expect((await client.callTool({ name: 'kb_search', arguments: { query: 'refund' } })).isError).toBeFalsy();
  await client.close();
});
