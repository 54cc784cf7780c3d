import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { isAppError } from '@/lib/errors';
import { clientIp } from '@/lib/server/client-ip';
import { getDb } from '@/lib/server/db/client';
import { env } from '@/lib/server/env';
import { authenticateWithPassword } from '@/lib/services/auth/authenticate-with-password';
import { oidcProviders } from './oidc';

function requestIp(headers: Record<string, string | string[] | undefined> | undefined): string {
  const h = headers ?? {};
  return clientIp((name) => {
    const v = h[name];
    return Array.isArray(v) ? v.join(',') : v;
  }) ?? 'unknown';
}

async function currentSessionVersion(userId: string): Promise<number> {
  const db = await getDb();
  return (await db.user.findUnique({ where: { id: userId }, select: { sessionVersion: true } }))?.sessionVersion ?? 0;
}

export function authOptions(): NextAuthOptions {
  const e = env();
  return {
    secret: e.NEXTAUTH_SECRET,
    session: { strategy: 'jwt', maxAge: e.SESSION_MAX_AGE_SECONDS },
    jwt: { maxAge: e.SESSION_MAX_AGE_SECONDS },
    pages: { signIn: '/sign-in', error: '/sign-in' },
    providers: [
      CredentialsProvider({
        id: 'credentials',
        name: 'Email and password',
        credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
        async authorize(credentials, req) {
          try {
            return await authenticateWithPassword(credentials ?? {}, requestIp(req?.headers));
          } catch (err) {
            // The message reaches the sign-in form as `error`; never a stack trace.
            throw new Error(isAppError(err) ? err.userMessage : 'Sign-in is unavailable right now.');
          }
        },
      }),
      ...oidcProviders(),
    ],
    callbacks: {
      async jwt({ token, user }) {
        // At sign-in: the user's session version, so a later password reset ends this session (getActor).
        if (user) Object.assign(token, { uid: user.id, sv: await currentSessionVersion(user.id) });
        return token;
      },
      async session({ session, token }) {
        if (session.user && typeof token.uid === 'string') Object.assign(session.user, { id: token.uid, sv: typeof token.sv === 'number' ? token.sv : 0 });
        return session;
      },
    },
  };
}
