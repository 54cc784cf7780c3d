import 'server-only';
// Where the authorization server lives. The issuer is this deployment's public origin (OAUTH_ISSUER, else
// NEXTAUTH_URL's origin); the protected resource is its /mcp endpoint. Endpoints sit under /oauth/, the consent
// page (Next) under /oauth/consent/, the metadata at the RFC 8414 and OpenID discovery well-known paths.
import { env } from '@/lib/server/env';

export const OAUTH_PREFIX = '/oauth';
export const CONSENT_PATH = '/oauth/consent';
export const AS_METADATA_PATH = '/.well-known/oauth-authorization-server';
export const OIDC_DISCOVERY_PATH = '/.well-known/openid-configuration';

export const OAUTH_ROUTES = {
  authorization: '/oauth/authorize',
  token: '/oauth/token',
  registration: '/oauth/register',
  revocation: '/oauth/revoke',
  jwks: '/oauth/jwks',
  userinfo: '/oauth/userinfo',
  pushed_authorization_request: '/oauth/par',
  end_session: '/oauth/logout',
  introspection: '/oauth/introspect',
  code_verification: '/oauth/device',
  device_authorization: '/oauth/device/auth',
  backchannel_authentication: '/oauth/backchannel',
  challenge: '/oauth/challenge',
} as const;

/** Access tokens live 10 minutes; refresh tokens (rotated at each use) 30 days. */
export const ACCESS_TOKEN_TTL_SECONDS = 600;
export const REFRESH_TOKEN_TTL_SECONDS = 30 * 86_400;

export function oauthIssuer(): string {
  const e = env();
  const configured = e.OAUTH_ISSUER ?? e.NEXTAUTH_URL;
  return configured ? new URL(configured).origin : `http://localhost:${process.env.PORT || 3000}`;
}

/** The resource indicator (RFC 8707) of /mcp: the audience every access token /mcp accepts is bound to. */
export function mcpResource(issuer = oauthIssuer()): string {
  return `${issuer}/mcp`;
}

/** Whether the production server hands this request to the authorization server (the consent page stays Next's). */
export function isOAuthPath(url: string | undefined): boolean {
  if (!url) return false;
  const path = url.split('?', 1)[0]!;
  if (path === AS_METADATA_PATH || path === OIDC_DISCOVERY_PATH) return true;
  return path.startsWith(`${OAUTH_PREFIX}/`) && !path.startsWith(`${CONSENT_PATH}/`) && path !== CONSENT_PATH;
}
