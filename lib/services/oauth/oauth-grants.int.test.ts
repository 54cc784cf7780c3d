// Grants over time: refresh rotation and reuse detection, RFC 7009 revocation, revocation from the portal,
// consent limits (never more than the user's tools), registration validation, pre-registered clients.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Actor } from '@/lib/policy';
import { getDb } from '@/lib/server/db/client';
import { appErrorOf } from '@/lib/testing/app-error';
import { createFreshTenant, type FreshTenant } from '@/lib/testing/fresh-tenant';
import { connect, rawPost, SYSTEM_ACTOR } from '@/lib/testing/mcp';
import { connectClient, consentAndGetCode, pkce, registerClient, registerPublicClient, startAuthorization, startAuthServer, tokenRequest, type TestAuthServer } from '@/lib/testing/oauth';
import { createOAuthClient } from './create-oauth-client';
import { decideConsent } from './decide-consent';
import { getConsentRequest } from './get-consent-request';
import { listOAuthConnections } from './list-oauth-connections';
import { revokeOAuthConnection } from './revoke-oauth-connection';

const INIT = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 't', version: '1' } } });
const status = async (token: string) => (await rawPost(INIT, { authorization: `Bearer ${token}` })).status;

let as: TestAuthServer;
let t: FreshTenant;
let other: FreshTenant;
let ann: Actor;
let bob: Actor;

async function rejection(p: Promise<unknown>) {
  const e = await appErrorOf(p);
  return { code: e.code, message: e.userMessage };
}

beforeAll(async () => {
  as = await startAuthServer();
  [t, other] = [await createFreshTenant('oauthg'), await createFreshTenant('oautho')];
  const db = await getDb();
  const [kb, tickets] = await Promise.all([db.tool.findUniqueOrThrow({ where: { slug: 'kb_search' } }), db.tool.findUniqueOrThrow({ where: { slug: 'ticket_search' } })]);
  await db.toolActivation.create({ data: { tenantId: t.tenant.id, toolId: kb.id, scope: 'team', teamId: t.teams.a, scopeKey: `team:${t.teams.a}`, enabled: true } });
  await db.toolActivation.create({ data: { tenantId: t.tenant.id, toolId: tickets.id, scope: 'team', teamId: t.teams.b, scopeKey: `team:${t.teams.b}`, enabled: true } });
  ann = { kind: 'user', id: t.users.inA, label: 'ann', tenantId: t.tenant.id, teamIds: [t.teams.a], roles: ['requester'], via: 'portal', ip: null };
  bob = { kind: 'user', id: t.users.inB, label: 'bob', tenantId: t.tenant.id, teamIds: [t.teams.b], roles: ['requester'], via: 'portal', ip: null };
});
afterAll(async () => as?.close());

describe('refresh tokens', () => {
  it('rotate at each use; reusing an old one revokes the whole grant and ends the connection', async () => {
    const { client, accessToken, refreshToken } = await connectClient(as, ann);
    const first = await tokenRequest(as, { grant_type: 'refresh_token', refresh_token: refreshToken, client_id: client.clientId, resource: as.resource });
    expect(first.status).toBe(200);
    const rotated = first.json.refresh_token as string;
    expect(rotated).toBeTruthy();
    expect(rotated).not.toBe(refreshToken);
    const fresh = first.json.access_token as string;
    expect(await status(fresh)).toBe(200);

    const reused = await tokenRequest(as, { grant_type: 'refresh_token', refresh_token: refreshToken, client_id: client.clientId });
    expect(reused.status).toBe(400);
    expect(reused.json).toMatchObject({ error: 'invalid_grant' });
    // The grant is gone: every token of it, the rotated refresh token included.
    expect(await status(fresh)).toBe(401);
    expect(await status(accessToken)).toBe(401);
    expect((await tokenRequest(as, { grant_type: 'refresh_token', refresh_token: rotated, client_id: client.clientId })).status).toBe(400);
    const db = await getDb();
    await vi.waitFor(async () => {
      const conn = await db.oAuthConnection.findFirstOrThrow({ where: { clientId: client.clientId } });
      expect(conn.revokedAt).not.toBeNull();
    });
  });
});

describe('revocation', () => {
  it('RFC 7009: a revoked access token is refused by /mcp at once', async () => {
    const { client, accessToken } = await connectClient(as, ann);
    expect(await status(accessToken)).toBe(200);
    const res = await fetch(`${as.issuer}/oauth/revoke`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token: accessToken, client_id: client.clientId }) });
    expect(res.status).toBe(200);
    expect(await status(accessToken)).toBe(401);
  });

  it('from Connected apps: the user revokes, the tokens stop, the refresh token too; audited; another tenant sees "not found"', async () => {
    const { client, accessToken, refreshToken } = await connectClient(as, ann);
    const mine = await listOAuthConnections({ actor: ann });
    const conn = mine.items.find((c) => c.clientId === client.clientId)!;
    expect(conn).toMatchObject({ clientName: 'Test MCP client', tools: 'all', revokedAt: null });
    const outsider = { ...other.admin };
    expect(await rejection(revokeOAuthConnection({ actor: outsider, connectionId: conn.id }))).toEqual({ code: 'NOT_FOUND', message: 'Connection not found.' });
    expect(await rejection(revokeOAuthConnection({ actor: bob, connectionId: conn.id }))).toEqual({ code: 'NOT_FOUND', message: 'Connection not found.' });
    await revokeOAuthConnection({ actor: ann, connectionId: conn.id });
    expect(await status(accessToken)).toBe(401);
    expect((await tokenRequest(as, { grant_type: 'refresh_token', refresh_token: refreshToken, client_id: client.clientId })).status).toBe(400);
    expect(await rejection(revokeOAuthConnection({ actor: ann, connectionId: conn.id }))).toEqual({ code: 'INVALID_STATE', message: 'This connection is already revoked.' });
    const db = await getDb();
    expect(await db.auditEvent.count({ where: { action: 'oauth_connection.revoked', resourceId: conn.id } })).toBe(1);
  });

  it('a tenant admin lists and revokes the tenant\'s connections; another tenant\'s admin cannot list them', async () => {
    await connectClient(as, bob);
    const list = await listOAuthConnections({ actor: t.admin, tenantId: t.tenant.id, q: 'bob@' });
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((c) => c.user.id === bob.id)).toBe(true);
    expect(await rejection(listOAuthConnections({ actor: other.admin, tenantId: t.tenant.id }))).toMatchObject({ code: 'FORBIDDEN' });
    await revokeOAuthConnection({ actor: t.admin, connectionId: list.items[0]!.id });
  });

  it('a deactivated user\'s and a suspended tenant\'s tokens stop', async () => {
    const db = await getDb();
    const { accessToken } = await connectClient(as, ann);
    expect(await status(accessToken)).toBe(200);
    await db.user.update({ where: { id: ann.id }, data: { disabled: true } });
    try {
      expect(await status(accessToken)).toBe(401);
    } finally {
      await db.user.update({ where: { id: ann.id }, data: { disabled: false } });
    }
    await db.tenant.update({ where: { id: t.tenant.id }, data: { suspendedAt: new Date() } });
    try {
      expect(await status(accessToken)).toBe(401);
    } finally {
      await db.tenant.update({ where: { id: t.tenant.id }, data: { suspendedAt: null } });
    }
    expect(await status(accessToken)).toBe(200);
  });
});

describe('consent', () => {
  it('offers only the user\'s tools and never grants more, whatever the form says', async () => {
    const client = await registerPublicClient(as);
    const flow = await startAuthorization(as, { ...client, challenge: pkce().challenge, scope: 'tool:kb_search tool:ticket_search' });
    const view = await getConsentRequest({ actor: ann, uid: flow.uid!, interactionCookie: flow.jar.get('_interaction') });
    expect(view.tools.map((x) => x.slug)).toEqual(['kb_search']);
    expect(view.requested).toEqual({ all: false, slugs: ['kb_search'], groups: [] });
    expect(view.client.name).toBe('Test MCP client');

    const { verifier, challenge } = pkce();
    const flow2 = await startAuthorization(as, { ...client, challenge, scope: 'mcp:tools' });
    const { code } = await consentAndGetCode(as, ann, { uid: flow2.uid!, jar: flow2.jar }, { tools: ['kb_search', 'ticket_search'] });
    const tokens = await tokenRequest(as, { grant_type: 'authorization_code', code: code!, redirect_uri: client.redirectUri, code_verifier: verifier, client_id: client.clientId });
    const db = await getDb();
    const conn = await db.oAuthConnection.findFirstOrThrow({ where: { clientId: client.clientId, userId: ann.id }, orderBy: { createdAt: 'desc' } });
    expect(conn.scopes).toEqual(['kb_search']);
    const mcp = await connect(tokens.json.access_token as string);
    expect((await mcp.listTools()).tools.map((x) => x.name)).toEqual(['kb_search']);
    const refused = await mcp.callTool({ name: 'ticket_search', arguments: { query: 'x' } }).catch((e: Error) => e);
    expect(refused instanceof Error ? refused.message : JSON.stringify(refused)).toMatch(/ticket_search/);
    await mcp.close();
  });

  it('refuses an empty choice, a user without tools, a foreign browser; Deny sends access_denied', async () => {
    const client = await registerPublicClient(as);
    const flow = await startAuthorization(as, { ...client, challenge: pkce().challenge });
    const cookie = flow.jar.get('_interaction');
    expect(await rejection(decideConsent({ actor: ann, uid: flow.uid!, interactionCookie: cookie, decision: 'allow', tools: [] }))).toEqual({ code: 'VALIDATION', message: 'Choose at least one tool, or Deny.' });
    expect(await rejection(decideConsent({ actor: ann, uid: flow.uid!, interactionCookie: 'someone-else', decision: 'allow', all: true }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await rejection(decideConsent({ actor: t.admin, uid: flow.uid!, interactionCookie: cookie, decision: 'allow', all: true }))).toMatchObject({ code: 'INVALID_STATE' });
    expect(await rejection(getConsentRequest({ actor: SYSTEM_ACTOR, uid: flow.uid!, interactionCookie: cookie }))).toMatchObject({ code: 'FORBIDDEN' });
    const { redirectTo } = await decideConsent({ actor: ann, uid: flow.uid!, interactionCookie: cookie, decision: 'deny' });
    const res = await fetch(redirectTo, { redirect: 'manual', headers: { cookie: flow.jar.header() } });
    const back = new URL(res.headers.get('location')!);
    expect(back.searchParams.get('error')).toBe('access_denied');
    expect(back.searchParams.get('iss')).toBe(as.issuer);
  });
});

describe('dynamic client registration', () => {
  it.each([
    [{ client_name: 'x' }, 'redirect_uris must be a list of URLs.'],
    [{ redirect_uris: ['http://evil.example/cb'] }, 'Plain http redirect URIs are only allowed on a loopback address (localhost, 127.0.0.1, [::1]).'],
    [{ redirect_uris: ['javascript:alert(1)'] }, 'The javascript scheme is not allowed in a redirect URI.'],
    [{ redirect_uris: ['https://app.example/cb#frag'] }, 'redirect_uris: A redirect URI must not contain a fragment (#).'],
    [{ redirect_uris: Array.from({ length: 11 }, (_, i) => `https://app.example/cb${i}`) }, 'redirect_uris: Register at most 10 redirect URIs.'],
    [{ redirect_uris: ['https://app.example/cb'], grant_types: ['client_credentials'] }, 'grant_types: Only the authorization_code and refresh_token grant types are supported.'],
    [{ redirect_uris: ['https://app.example/cb'], client_name: 'x'.repeat(101) }, 'client_name must be at most 100 characters.'],
    [{ redirect_uris: ['https://app.example/cb'], client_name: 'a<script>' }, 'client_name must not contain control characters or < >.'],
    [{ redirect_uris: ['https://app.example/cb'], logo_uri: 'http://app.example/logo.png' }, 'logo_uri must be an https URL.'],
  ])('refuses %j', async (metadata, message) => {
    const res = await registerClient(as, metadata);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; error_description: string };
    expect(body.error).toMatch(/^invalid_(client_metadata|redirect_uri)$/);
    expect(body.error_description).toContain(message);
  });

  it('accepts a public client on a loopback or a private-use scheme redirect', async () => {
    for (const uri of ['http://localhost:33418/callback', 'https://claude.ai/api/mcp/auth_callback']) {
      const res = await registerClient(as, { redirect_uris: [uri], token_endpoint_auth_method: 'none', client_name: 'ok' });
      expect(res.status).toBe(201);
    }
    // A private-use scheme is a native app's (RFC 8252 §7.1).
    const native = await registerClient(as, { application_type: 'native', redirect_uris: ['cursor://anysphere.cursor-mcp/oauth/callback'], token_endpoint_auth_method: 'none' });
    expect(native.status).toBe(201);
  });
});

describe('pre-registered clients', () => {
  it('a platform admin creates one; nobody else can; a confidential one authenticates with its secret', async () => {
    const tenantAdmin = t.admin;
    expect(await rejection(createOAuthClient({ actor: tenantAdmin, clientName: 'Nope', redirectUris: ['https://x.example/cb'] }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await rejection(createOAuthClient({ actor: SYSTEM_ACTOR, clientName: 'Bad', redirectUris: ['http://x.example/cb'] }))).toMatchObject({ code: 'VALIDATION' });
    const { client, clientSecret } = await createOAuthClient({ actor: SYSTEM_ACTOR, clientName: 'Acme agent host', redirectUris: ['https://host.example/cb'], confidential: true });
    expect(clientSecret).toBeTruthy();
    const db = await getDb();
    const stored = await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "OAuthRecord" WHERE payload::text LIKE $1`, `%${clientSecret}%`);
    expect(stored[0]!.n).toBe(0);
    const { verifier, challenge } = pkce();
    const flow = await startAuthorization(as, { clientId: client.clientId, redirectUri: 'https://host.example/cb', challenge });
    const { code } = await consentAndGetCode(as, ann, { uid: flow.uid!, jar: flow.jar });
    const basic = (secret: string) => `Basic ${Buffer.from(`${encodeURIComponent(client.clientId)}:${encodeURIComponent(secret)}`).toString('base64')}`;
    const body = new URLSearchParams({ grant_type: 'authorization_code', code: code!, redirect_uri: 'https://host.example/cb', code_verifier: verifier });
    const wrong = await fetch(`${as.issuer}/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basic('wrong') }, body });
    expect(wrong.status).toBe(401);
  });
});
