import 'server-only';
// The OAuth 2.1 authorization server for MCP clients: oidc-provider (a maintained, certified implementation), with
// our storage (adapter.ts), our sign-in and consent pages (the interaction hands over to /oauth/consent/<uid>), our
// egress guard for every fetch (guarded-fetch.ts) and one protected resource, /mcp. What it gives us:
// authorization code + PKCE (S256 only), RFC 8707 resource indicators with audience-bound opaque access tokens,
// RFC 9207 `iss` in authorization responses, exact redirect URI matching (loopback ports per RFC 8252 for native
// clients), rotating refresh tokens whose reuse revokes the grant, RFC 7009 revocation, RFC 7591 registration and
// Client ID Metadata Documents.
import crypto from 'node:crypto';
import Provider, { errors, type Configuration, type JWK, type KoaContextWithOIDC } from 'oidc-provider';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { clientMetadataProblem, SCOPE_ALL_TOOLS, scopesForCatalogue } from '@/lib/schemas/oauth';
import { recordId, prismaAdapterFor } from '@/lib/server/oauth/adapter';
import { ACCESS_TOKEN_TTL_SECONDS, CONSENT_PATH, OAUTH_ROUTES, REFRESH_TOKEN_TTL_SECONDS } from '@/lib/server/oauth/config';
import { guardedFetch } from '@/lib/server/oauth/guarded-fetch';
import { decryptSecret, encryptSecret, type EncryptedValue } from '@/lib/server/secrets';
import type { EgressOptions } from '@/mcp-server/egress/ssrf';
import { clientIp } from '@/lib/server/client-ip';
import { claimRegistrationSlot } from '@/lib/services/oauth/claim-registration-slot';
import { markGrantRevoked } from '@/lib/services/oauth/mark-grant-revoked';

export interface OAuthProviderOptions {
  db: PrismaClient;
  issuer: string;
  /** The protected resource (/mcp) tokens are bound to. */
  resource: string;
  /** Secret the interaction cookies are signed with (shared by every replica). */
  cookieSecret: string;
  /** Test-only egress allowances (a loopback stand-in for a metadata document host). */
  egress?: EgressOptions;
  /** Believe X-Forwarded-Proto/Host (behind a TLS-terminating proxy). */
  proxy?: boolean;
  /** Dynamic Client Registrations one client IP may make per hour; unset: unlimited (test harnesses). */
  registrationsPerIpPerHour?: number;
}

const SIGNING_KEY_KIND = 'ServerKey';

/** The RS256 key id tokens are signed with, created once and shared by every replica (encrypted at rest). */
async function signingKey(db: PrismaClient): Promise<JWK> {
  const id = recordId('signing-key');
  const existing = await db.oAuthRecord.findUnique({ where: { kind_id: { kind: SIGNING_KEY_KIND, id } }, select: { payload: true } });
  if (existing) return JSON.parse(decryptSecret(existing.payload as unknown as EncryptedValue)) as JWK;
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: crypto.randomBytes(8).toString('hex'), use: 'sig', alg: 'RS256' };
  const payload = encryptSecret(JSON.stringify(jwk));
  await db.oAuthRecord.createMany({ data: [{ kind: SIGNING_KEY_KIND, id, payload: { ...payload } }], skipDuplicates: true });
  const row = await db.oAuthRecord.findUniqueOrThrow({ where: { kind_id: { kind: SIGNING_KEY_KIND, id } }, select: { payload: true } });
  return JSON.parse(decryptSecret(row.payload as unknown as EncryptedValue)) as JWK; // the winner's key if two raced
}

/** Scopes /mcp knows: every tool, every catalogue group, and the "all my tools" scope (read at most every 30 s). */
function catalogueScopes(db: PrismaClient) {
  let cached: { at: number; value: string } | null = null;
  return async () => {
    if (cached && Date.now() - cached.at < 30_000) return cached.value;
    const tools = await db.tool.findMany({ select: { slug: true, category: true }, orderBy: { slug: 'asc' } });
    cached = { at: Date.now(), value: scopesForCatalogue(tools).join(' ') };
    return cached.value;
  };
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export async function createOAuthProvider(opts: OAuthProviderOptions): Promise<Provider> {
  const { db, issuer, resource } = opts;
  const scopes = catalogueScopes(db);
  const cookieKey = crypto.hkdfSync('sha256', opts.cookieSecret, 'oauth-cookies', 'mcp-platform', 32);

  const configuration: Configuration = {
    adapter: prismaAdapterFor(db),
    clients: [],
    jwks: { keys: [await signingKey(db)] },
    async findAccount(_ctx, sub) {
      // Only active users of an active tenant can grant access (platform staff have no tools).
      const user = await db.user.findFirst({
        where: { id: sub, disabled: false, tenantId: { not: null }, tenant: { suspendedAt: null } },
        select: { id: true, email: true, name: true },
      });
      if (!user) return undefined;
      return { accountId: user.id, claims: () => ({ sub: user.id, email: user.email, name: user.name }) };
    },
    claims: { openid: ['sub'], email: ['email'], profile: ['name'] },
    // mcp:tools is listed here too so a client may register it in its `scope` metadata (RFC 7591), as the MCP SDK does.
    scopes: ['openid', 'offline_access', 'email', 'profile', SCOPE_ALL_TOOLS],
    responseTypes: ['code'],
    clientAuthMethods: ['none', 'client_secret_basic', 'client_secret_post'],
    clientDefaults: { grant_types: ['authorization_code', 'refresh_token'], response_types: ['code'], token_endpoint_auth_method: 'none' },
    cookies: { keys: [Buffer.from(cookieKey).toString('base64url')] },
    features: {
      devInteractions: { enabled: false },
      registration: { enabled: true, initialAccessToken: false },
      revocation: { enabled: true },
      introspection: { enabled: false },
      userinfo: { enabled: true },
      rpInitiatedLogout: { enabled: false },
      clientIdMetadataDocument: { enabled: true, ack: 'draft-02' },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => resource,
        useGrantedResource: () => true,
        async getResourceServerInfo(_ctx, indicator) {
          if (indicator !== resource) throw new errors.InvalidTarget(`This server issues tokens for ${resource} only.`);
          return { scope: await scopes(), audience: resource, accessTokenTTL: ACCESS_TOKEN_TTL_SECONDS, accessTokenFormat: 'opaque' };
        },
      },
    },
    pkce: { required: () => true },
    rotateRefreshToken: true,
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    expiresWithSession: async () => false,
    // Never reuse an earlier grant silently: every authorization goes through our consent page.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const grantId = ctx.oidc.result?.consent?.grantId;
      return grantId ? ctx.oidc.provider.Grant.find(grantId) : undefined;
    },
    ttl: {
      AccessToken: ACCESS_TOKEN_TTL_SECONDS,
      AuthorizationCode: 60,
      IdToken: 600,
      Interaction: 900,
      Session: 3600,
      Grant: REFRESH_TOKEN_TTL_SECONDS,
      RefreshToken: REFRESH_TOKEN_TTL_SECONDS,
    },
    interactions: { url: (_ctx, interaction) => `${CONSENT_PATH}/${interaction.uid}` },
    routes: OAUTH_ROUTES,
    // Our registration policy (redirect URI schemes, grant types, names), applied to every client: registered,
    // pre-registered or resolved from a metadata document. The validator runs once per listed property.
    extraClientMetadata: {
      properties: ['software_id'],
      validator(_ctx, key, _value, metadata) {
        if (key !== 'software_id') return;
        const problem = clientMetadataProblem(metadata as Record<string, unknown>);
        if (problem) throw new errors.InvalidClientMetadata(problem);
      },
    },
    clientBasedCORS: () => true,
    fetch: guardedFetch(opts.egress),
    async renderError(ctx, out) {
      ctx.type = 'html';
      const message = escapeHtml(String(out.error_description ?? out.error ?? 'The request could not be completed.'));
      ctx.body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Authorization error</title></head><body><main><h1>This connection could not be authorized</h1><p>${message}</p><p>Close this window and try connecting again from your MCP client.</p></main></body></html>`;
    },
  };

  const provider = new Provider(issuer, configuration);
  provider.proxy = opts.proxy ?? false;
  // An authorization request without scope (allowed by OAuth and by MCP clients when the server names none) asks
  // for the default scope: the tools the user chooses at consent. The library would otherwise deny it.
  provider.use(async (ctx, next) => {
    if (ctx.method === 'GET' && ctx.path === OAUTH_ROUTES.authorization && !ctx.query.scope) {
      const q = new URLSearchParams(ctx.querystring);
      q.set('scope', SCOPE_ALL_TOOLS);
      ctx.querystring = q.toString();
    }
    await next();
  });
  // Registration is open to anyone: a bounded number per client IP and hour, answered like the MCP SDK's own
  // authorization server (RFC 6585 429 with Retry-After, an OAuth error body).
  const perHour = opts.registrationsPerIpPerHour;
  if (perHour) {
    provider.use(async (ctx, next) => {
      if (ctx.method === 'POST' && ctx.path === OAUTH_ROUTES.registration) {
        const ip = clientIp((name) => ctx.get(name) || null) ?? 'unknown';
        const slot = await claimRegistrationSlot({ ip, limit: perHour });
        if (!slot.ok) {
          const minutes = Math.ceil(slot.retryAfterSeconds / 60);
          ctx.status = 429;
          ctx.set('Retry-After', String(slot.retryAfterSeconds));
          ctx.set('Cache-Control', 'no-store');
          ctx.body = {
            error: 'too_many_requests',
            error_description: `Too many client registrations from your network: at most ${slot.limit} per hour. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}, or reuse the client you registered before.`,
          };
          return;
        }
      }
      await next();
    });
  }
  // A grant revoked by the library (refresh-token reuse, RFC 7009 revocation of a refresh token) ends the connection.
  provider.on('grant.revoked', (_ctx: unknown, grantId: string) => {
    void markGrantRevoked({ grantId, reason: 'revoked by the authorization server' }).catch((e: unknown) => console.error('[oauth] could not record a revoked grant', e));
  });
  provider.on('server_error', (_ctx: unknown, err: Error) => console.error('[oauth] server error', err));
  return provider;
}
