import 'server-only';
// Optional enterprise SSO (OpenID Connect), on when OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are set.
// A user signing in through SSO must already exist (provisioned by an admin) with the same email.
import type { Provider } from 'next-auth/providers/index';
import { env } from '@/lib/server/env';
import { getDb } from '@/lib/server/db/client';

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
      authorization: { params: { scope: 'openid email profile' } },
      idToken: true,
      checks: ['pkce', 'state'],
      async profile(profile: { sub: string; email?: string; name?: string }) {
        const db = await getDb();
        const email = (profile.email ?? '').toLowerCase();
        const user = email ? await db.user.findUnique({ where: { email } }) : null;
        if (!user || user.disabled) throw new Error('No active account for this identity. Ask an administrator.');
        return { id: user.id, email: user.email, name: user.name };
      },
    } as Provider,
  ];
}
