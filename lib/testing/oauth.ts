// Integration-test harness for the OAuth authorization server: the real provider (createOAuthProvider) on a
// loopback HTTP server, a tiny cookie jar, PKCE, and helpers that walk the authorization code flow the way an MCP
// client and a browser would, with the consent decided through the real service (decideConsent).
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type Provider from 'oidc-provider';
import type { Actor } from '@/lib/policy';
import { getDb } from '@/lib/server/db/client';
import { mcpResource } from '@/lib/server/oauth/config';
import { installOAuthProviderForTests } from '@/lib/server/oauth/host';
import { createOAuthProvider } from '@/lib/server/oauth/provider';
import type { EgressOptions } from '@/mcp-server/egress/ssrf';
import { decideConsent } from '@/lib/services/oauth/decide-consent';

export interface TestAuthServer {
  issuer: string;
  resource: string;
  provider: Provider;
  close(): Promise<void>;
}

/** A listening loopback server (its port decides the issuer, which a test may need before the provider exists). */
export async function listenLoopback(): Promise<http.Server> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

export async function startAuthServer(opts: { resource?: string; egress?: EgressOptions; install?: boolean; server?: http.Server; registrationsPerIpPerHour?: number } = {}): Promise<TestAuthServer> {
  const server = opts.server ?? (await listenLoopback());
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const resource = opts.resource ?? mcpResource();
  const provider = await createOAuthProvider({ db: await getDb(), issuer, resource, cookieSecret: 'integration-test-cookie-secret', egress: opts.egress, registrationsPerIpPerHour: opts.registrationsPerIpPerHour });
  server.on('request', provider.callback());
  if (opts.install !== false) installOAuthProviderForTests(provider);
  return {
    issuer, resource, provider,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

export function pkce(): { verifier: string; challenge: string } {
  const verifier = crypto.randomBytes(32).toString('base64url');
  return { verifier, challenge: crypto.createHash('sha256').update(verifier).digest('base64url') };
}

/** Remembers cookies by name (paths ignored: one origin, one flow at a time). */
export class CookieJar {
  private readonly cookies = new Map<string, string>();
  take(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';', 1);
      const i = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, i).trim(), pair!.slice(i + 1).trim());
    }
  }
  get(name: string): string | undefined {
    return this.cookies.get(name);
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

export async function registerClient(as: TestAuthServer, metadata: Record<string, unknown>): Promise<Response> {
  return fetch(`${as.issuer}/oauth/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(metadata) });
}

export async function registerPublicClient(as: TestAuthServer, redirectUri = 'http://127.0.0.1:4567/callback'): Promise<{ clientId: string; redirectUri: string }> {
  const res = await registerClient(as, { redirect_uris: [redirectUri], client_name: 'Test MCP client', token_endpoint_auth_method: 'none', grant_types: ['authorization_code', 'refresh_token'], response_types: ['code'] });
  if (res.status !== 201) throw new Error(`registration failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { client_id: string };
  return { clientId: body.client_id, redirectUri };
}

export interface AuthorizeParams {
  clientId: string;
  redirectUri: string;
  challenge: string;
  scope?: string;
  resource?: string;
  method?: string;
}

/** GET /oauth/authorize: a redirect to our consent page, with the interaction cookies set. */
export async function startAuthorization(as: TestAuthServer, p: AuthorizeParams, jar = new CookieJar()) {
  const q = new URLSearchParams({
    client_id: p.clientId, response_type: 'code', redirect_uri: p.redirectUri, code_challenge: p.challenge,
    code_challenge_method: p.method ?? 'S256', scope: p.scope ?? 'mcp:tools', state: 'st-' + crypto.randomBytes(4).toString('hex'),
    resource: p.resource ?? as.resource,
  });
  const res = await fetch(`${as.issuer}/oauth/authorize?${q}`, { redirect: 'manual' });
  jar.take(res);
  const location = res.headers.get('location') ?? '';
  const uid = /\/oauth\/consent\/([^/?#]+)/.exec(location)?.[1] ?? null;
  return { res, location, uid, jar, state: q.get('state')! };
}

/** Consent through the service, then the browser follows the resume URL back to the client's redirect URI. */
export async function consentAndGetCode(as: TestAuthServer, actor: Actor, flow: { uid: string; jar: CookieJar }, choice: { all?: boolean; tools?: string[]; groups?: string[] } = { all: true }) {
  const { redirectTo } = await decideConsent({ actor, uid: flow.uid, interactionCookie: flow.jar.get('_interaction'), decision: 'allow', all: choice.all ?? false, tools: choice.tools ?? [], groups: choice.groups ?? [] });
  const res = await fetch(redirectTo, { redirect: 'manual', headers: { cookie: flow.jar.header() } });
  flow.jar.take(res);
  const location = new URL(res.headers.get('location') ?? 'about:blank');
  return { code: location.searchParams.get('code'), iss: location.searchParams.get('iss'), error: location.searchParams.get('error'), location };
}

export async function tokenRequest(as: TestAuthServer, body: Record<string, string>): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${as.issuer}/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

/** The whole flow for a user: registration, authorization, consent, code exchange. */
export async function connectClient(as: TestAuthServer, actor: Actor, choice: { all?: boolean; tools?: string[]; groups?: string[] } = { all: true }, scope = 'mcp:tools') {
  const client = await registerPublicClient(as);
  const { verifier, challenge } = pkce();
  const flow = await startAuthorization(as, { ...client, challenge, scope });
  if (!flow.uid) throw new Error(`no consent redirect: ${flow.res.status} ${flow.location}`);
  const { code } = await consentAndGetCode(as, actor, { uid: flow.uid, jar: flow.jar }, choice);
  if (!code) throw new Error('no authorization code');
  const tokens = await tokenRequest(as, { grant_type: 'authorization_code', code, redirect_uri: client.redirectUri, code_verifier: verifier, client_id: client.clientId, resource: as.resource });
  if (tokens.status !== 200) throw new Error(`token request failed: ${JSON.stringify(tokens.json)}`);
  return { client, accessToken: tokens.json.access_token as string, refreshToken: tokens.json.refresh_token as string };
}
