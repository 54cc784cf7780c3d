import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules(); // env() is parsed once per module instance
});

async function providers(extra: Record<string, string> = {}) {
  vi.stubEnv('OIDC_ISSUER', 'https://idp.example/realms/acme/');
  vi.stubEnv('OIDC_CLIENT_ID', 'portal');
  vi.stubEnv('OIDC_CLIENT_SECRET', 'client-secret');
  for (const [k, v] of Object.entries(extra)) vi.stubEnv(k, v);
  const { oidcProviders } = await import('./oidc');
  return oidcProviders() as unknown as { id: string; wellKnown: string; authorization: { params: { scope: string } }; checks: string[] }[];
}

describe('SSO sign-in provider', () => {
  it('asks for the groups scope besides openid, email and profile, so the group claims of the SSO mappings arrive', async () => {
    const [p] = await providers();
    expect(p).toMatchObject({ id: 'oidc', wellKnown: 'https://idp.example/realms/acme/.well-known/openid-configuration', checks: ['pkce', 'state'] });
    expect(p!.authorization.params.scope).toBe('openid email profile groups');
  });

  it('takes OIDC_SCOPES for an identity provider that refuses unknown scopes; openid is required', async () => {
    const [p] = await providers({ OIDC_SCOPES: '  openid email   profile ' });
    expect(p!.authorization.params.scope).toBe('openid email profile');
    vi.resetModules();
    await expect(providers({ OIDC_SCOPES: 'email groups' })).rejects.toThrow(/OIDC_SCOPES.*must include openid/s);
  });

  it('is off without the three settings', async () => {
    vi.stubEnv('OIDC_ISSUER', undefined);
    const { oidcProviders } = await import('./oidc');
    expect(oidcProviders()).toEqual([]);
  });
});
