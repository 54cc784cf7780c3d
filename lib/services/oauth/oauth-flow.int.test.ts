// The OAuth authorization server end to end in-process: metadata, the code flow with PKCE and consent, /mcp with
// the resulting token, refresh rotation and reuse detection, revocation, audience binding.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/server/db/client';
import { createFreshTenant, type FreshTenant } from '@/lib/testing/fresh-tenant';
import { connect, rawPost } from '@/lib/testing/mcp';
import { connectClient, pkce, registerPublicClient, startAuthorization, startAuthServer, tokenRequest, consentAndGetCode, type TestAuthServer } from '@/lib/testing/oauth';
import type { Actor } from '@/lib/policy';

const INIT = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 't', version: '1' } } });

let as: TestAuthServer;
let t: FreshTenant;
let ann: Actor;

beforeAll(async () => {
  as = await startAuthServer();
  t = await createFreshTenant('oauth');
  const db = await getDb();
  const [kb, tickets] = await Promise.all([db.tool.findUniqueOrThrow({ where: { slug: 'kb_search' } }), db.tool.findUniqueOrThrow({ where: { slug: 'ticket_search' } })]);
  // ann is in team A only: kb_search is hers, ticket_search belongs to team B.
  await db.toolActivation.create({ data: { tenantId: t.tenant.id, toolId: kb.id, scope: 'team', teamId: t.teams.a, scopeKey: `team:${t.teams.a}`, enabled: true } });
  await db.toolActivation.create({ data: { tenantId: t.tenant.id, toolId: tickets.id, scope: 'team', teamId: t.teams.b, scopeKey: `team:${t.teams.b}`, enabled: true } });
  ann = { kind: 'user', id: t.users.inA, label: `ann@${t.tenant.slug}.test`, tenantId: t.tenant.id, teamIds: [t.teams.a], roles: ['requester'], via: 'portal', ip: null };
});
afterAll(async () => as?.close());

describe('metadata', () => {
  it('advertises S256 only, the endpoints, CIMD support and public clients (RFC 8414 and OpenID discovery)', async () => {
    for (const path of ['/.well-known/openid-configuration']) {
      const res = await fetch(`${as.issuer}${path}`);
      expect(res.status).toBe(200);
      const meta = (await res.json()) as Record<string, unknown>;
      expect(meta).toMatchObject({
        issuer: as.issuer,
        authorization_endpoint: `${as.issuer}/oauth/authorize`,
        token_endpoint: `${as.issuer}/oauth/token`,
        registration_endpoint: `${as.issuer}/oauth/register`,
        revocation_endpoint: `${as.issuer}/oauth/revoke`,
        code_challenge_methods_supported: ['S256'],
        client_id_metadata_document_supported: true,
        authorization_response_iss_parameter_supported: true,
        response_types_supported: ['code'],
      });
      expect(meta.token_endpoint_auth_methods_supported).toContain('none');
      expect(meta.scopes_supported).toContain('openid');
    }
  });

  it('the /mcp challenge names the resource metadata and the scope', async () => {
    const res = await rawPost(INIT);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/resource_metadata="[^"]+\/\.well-known\/oauth-protected-resource\/mcp", scope="mcp:tools"/);
  });
});

describe('authorization code flow', () => {
  it('issues an audience-bound token after consent, with iss in the response, and /mcp serves the user\'s tools only', async () => {
    const client = await registerPublicClient(as);
    const { verifier, challenge } = pkce();
    const flow = await startAuthorization(as, { ...client, challenge });
    expect(flow.res.status).toBe(303);
    expect(flow.uid).toBeTruthy();
    const { code, iss } = await consentAndGetCode(as, ann, { uid: flow.uid!, jar: flow.jar }, { all: true });
    expect(iss).toBe(as.issuer);
    const tokens = await tokenRequest(as, { grant_type: 'authorization_code', code: code!, redirect_uri: client.redirectUri, code_verifier: verifier, client_id: client.clientId, resource: as.resource });
    expect(tokens.status).toBe(200);
    expect(tokens.json).toMatchObject({ token_type: 'Bearer', scope: 'mcp:tools' });
    expect(tokens.json.expires_in).toBeLessThanOrEqual(600);
    expect(typeof tokens.json.refresh_token).toBe('string');

    const mcp = await connect(tokens.json.access_token as string);
    const { tools } = await mcp.listTools();
    expect(tools.map((x) => x.name)).toEqual(['kb_search']);
    const result = await mcp.callTool({ name: 'kb_search', arguments: { query: 'refund' } });
    expect(result.isError).toBeFalsy();
    await mcp.close();
    const db = await getDb();
    const audit = await db.auditEvent.findFirst({ where: { tenantId: t.tenant.id, action: 'tool.called', toolSlug: 'kb_search' }, orderBy: { createdAt: 'desc' } });
    expect(audit?.actorLabel).toBe(`ann@${t.tenant.slug}.test via Test MCP client`);
  });
});

describe('PKCE and redirect URIs', () => {
  it('refuses a wrong code verifier', async () => {
    const client = await registerPublicClient(as);
    const { challenge } = pkce();
    const flow = await startAuthorization(as, { ...client, challenge });
    const { code } = await consentAndGetCode(as, ann, { uid: flow.uid!, jar: flow.jar });
    const res = await tokenRequest(as, { grant_type: 'authorization_code', code: code!, redirect_uri: client.redirectUri, code_verifier: pkce().verifier, client_id: client.clientId });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ error: 'invalid_grant' });
  });

  it('refuses the plain method and a missing challenge', async () => {
    const client = await registerPublicClient(as);
    const plain = await startAuthorization(as, { ...client, challenge: 'a'.repeat(43), method: 'plain' });
    expect(plain.uid).toBeNull();
    const back = new URL(plain.location);
    expect(back.origin + back.pathname).toBe(client.redirectUri);
    expect(back.searchParams.get('error')).toBe('invalid_request');
    expect(back.searchParams.get('error_description')).toMatch(/code_challenge_method/);
    const missing = await fetch(`${as.issuer}/oauth/authorize?${new URLSearchParams({ client_id: client.clientId, response_type: 'code', redirect_uri: client.redirectUri, scope: 'mcp:tools' })}`, { redirect: 'manual' });
    expect(new URL(missing.headers.get('location')!).searchParams.get('error_description')).toMatch(/requires PKCE/);
  });

  it('refuses a redirect URI that is not registered exactly, without redirecting', async () => {
    const client = await registerPublicClient(as, 'http://127.0.0.1:4567/callback');
    for (const redirectUri of ['http://127.0.0.1:4567/callback/other', 'http://127.0.0.1:4568/callback', 'https://evil.example/callback']) {
      const flow = await startAuthorization(as, { clientId: client.clientId, redirectUri, challenge: pkce().challenge });
      expect(flow.res.status).toBe(400);
      expect(flow.location).toBe('');
      expect(await flow.res.text()).toMatch(/redirect_uri did not match any of the client&#39;s registered redirect_uris/);
    }
  });

  it('lets a native client use any loopback port (RFC 8252)', async () => {
    const reg = await fetch(`${as.issuer}/oauth/register`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ application_type: 'native', redirect_uris: ['http://127.0.0.1/callback'], client_name: 'Native', token_endpoint_auth_method: 'none' }),
    });
    expect(reg.status).toBe(201);
    const { client_id } = (await reg.json()) as { client_id: string };
    const ok = await startAuthorization(as, { clientId: client_id, redirectUri: 'http://127.0.0.1:51234/callback', challenge: pkce().challenge });
    expect(ok.uid).toBeTruthy();
    const wrongPath = await startAuthorization(as, { clientId: client_id, redirectUri: 'http://127.0.0.1:51234/other', challenge: pkce().challenge });
    expect(wrongPath.res.status).toBe(400);
  });
});

describe('resources and audiences', () => {
  it('refuses to issue a token for another resource', async () => {
    const client = await registerPublicClient(as);
    const flow = await startAuthorization(as, { ...client, challenge: pkce().challenge, resource: 'https://other.example/mcp' });
    expect(flow.uid).toBeNull();
    expect(new URL(flow.location).searchParams.get('error')).toBe('invalid_target');
  });

  it('/mcp refuses a token bound to another resource', async () => {
    const { accessToken } = await connectClient(as, ann);
    const db = await getDb();
    const { recordId } = await import('@/lib/server/oauth/adapter');
    const row = await db.oAuthRecord.findUniqueOrThrow({ where: { kind_id: { kind: 'AccessToken', id: recordId(accessToken) } } });
    expect((await rawPost(INIT, { authorization: `Bearer ${accessToken}` })).status).toBe(200);
    await db.oAuthRecord.update({ where: { kind_id: { kind: 'AccessToken', id: row.id } }, data: { payload: { ...(row.payload as object), aud: 'https://other.example/mcp' } } });
    const res = await rawPost(INIT, { authorization: `Bearer ${accessToken}` });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toContain('error="invalid_token"');
  });

  it('stores no token in clear', async () => {
    const { accessToken, refreshToken } = await connectClient(as, ann);
    const db = await getDb();
    const raw = await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "OAuthRecord" WHERE id = $1 OR id = $2 OR payload::text LIKE $3`, accessToken, refreshToken, `%${accessToken}%`);
    expect(raw[0]!.n).toBe(0);
  });
});
