import 'server-only';
// One authorization server per process, configured from the environment, and the Node handler the production
// server (scripts/serve.ts) hands /oauth/* and the well-known metadata paths to. Every replica builds the same
// provider on the same database: clients, grants and tokens are shared rows, the signing key one shared record.
import crypto from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import { getDb } from '@/lib/server/db/client';
import { env } from '@/lib/server/env';
import { sweepExpiredOAuthRecords } from '@/lib/server/oauth/adapter';
import { AS_METADATA_PATH, mcpResource, OIDC_DISCOVERY_PATH, oauthIssuer } from '@/lib/server/oauth/config';
import { createOAuthProvider } from '@/lib/server/oauth/provider';

const g = globalThis as typeof globalThis & { __oauthProvider?: Promise<Provider> };

export function oauthProvider(): Promise<Provider> {
  g.__oauthProvider ??= (async () => {
    const e = env();
    const db = await getDb();
    // Expired codes, tokens and interactions are ignored on read; swept hourly (idempotent on every replica).
    setInterval(() => void sweepExpiredOAuthRecords(db).catch((err: unknown) => console.error('[oauth] sweep failed', err)), 3_600_000).unref();
    return createOAuthProvider({
      db,
      issuer: oauthIssuer(),
      resource: mcpResource(),
      // next-auth's secret is shared by every replica (scripts/start.ts requires it with DATABASE_URL).
      cookieSecret: e.NEXTAUTH_SECRET ?? crypto.randomBytes(32).toString('base64url'),
      proxy: Boolean(e.TRUSTED_PROXIES),
      registrationsPerIpPerHour: e.OAUTH_REGISTRATIONS_PER_IP_PER_HOUR,
    });
  })().catch((err: unknown) => {
    g.__oauthProvider = undefined;
    throw err;
  });
  return g.__oauthProvider;
}

/** Integration tests serve a provider of their own (a loopback issuer, egress allowances): the services use it. */
export function installOAuthProviderForTests(provider: Provider): void {
  g.__oauthProvider = Promise.resolve(provider);
}

const handlers = new WeakMap<Provider, ReturnType<Provider['callback']>>();

/** Serves an authorization-server request; RFC 8414 metadata is the library's discovery document. */
export async function serveOAuth(req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    const provider = await oauthProvider();
    const [path, query] = (req.url ?? '/').split('?', 2) as [string, string | undefined];
    if (path === AS_METADATA_PATH) req.url = OIDC_DISCOVERY_PATH + (query ? `?${query}` : '');
    let handler = handlers.get(provider);
    if (!handler) handlers.set(provider, (handler = provider.callback()));
    await handler(req, res);
  } catch (e) {
    console.error('[oauth] request failed', e);
    if (!res.headersSent) {
      res.writeHead(503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify({ error: 'temporarily_unavailable', error_description: 'The authorization server is unavailable; try again shortly.' }));
    } else res.end();
  }
}
