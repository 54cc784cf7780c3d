import 'server-only';
// Optional enterprise SSO (OpenID Connect), on when OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are set.
// Users are matched by email; a tenant's SSO domains and group mappings provision new ones.
import type { Provider } from 'next-auth/providers/index';
import { env } from '@/lib/server/env';
import { isAppError } from '@/lib/errors';
import { signInWithSso } from '@/lib/services/admin/sign-in-with-sso';

export function oidcEnabled(): boolean {
  const e = env();
  return Boolean(e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET);
}

export function oidcProviders(): Provider[] {
  if (!oidcEnabled()) return [];
  const e = env();
  return [
    {
      id: 'oidc',
      name: 'Single sign-on',
      type: 'oauth',
      wellKnown: `${e.OIDC_ISSUER!.replace(/\/$/, '')}/.well-known/openid-configuration`,
      clientId: e.OIDC_CLIENT_ID,
      clientSecret: e.OIDC_CLIENT_SECRET,
      authorization: { params: { scope: e.OIDC_SCOPES.split(/\s+/).join(' ') } },
      idToken: true,
      checks: ['pkce', 'state'],
      // Known users sign in (their mapped roles and teams re-applied from the `groups` claim); unknown ones whose
      // email domain a tenant claims are provisioned from its group mappings (lib/services/admin/sign-in-with-sso.ts).
      async profile(profile: { sub: string; email?: string; name?: string; email_verified?: boolean; groups?: unknown }) {
        try {
          return await signInWithSso({ email: profile.email ?? '', name: profile.name, emailVerified: profile.email_verified, groups: profile.groups });
        } catch (err) {
          throw new Error(isAppError(err) ? err.userMessage : 'Sign-in is unavailable right now.');
        }
      },
    } as Provider,
  ];
}
