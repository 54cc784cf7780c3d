// The OAuth client side of tests (integration and e2e): a loopback redirect target and an in-memory
// OAuthClientProvider for the official SDK client. No server code: Playwright specs import it too.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OAuthClientProvider, StoredOAuthClientInformation, StoredOAuthTokens } from '@modelcontextprotocol/client';

/** A loopback redirect target (RFC 8252) that hands the authorization response to the test. */
export async function callbackServer() {
  let resolve!: (p: URLSearchParams) => void;
  const params = new Promise<URLSearchParams>((r) => (resolve = r));
  const server = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' }).end('Connected. You can close this window.');
    resolve(new URL(req.url ?? '/', 'http://127.0.0.1').searchParams);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/callback`;
  return { url, params, close: () => { server.closeAllConnections(); server.close(); } };
}

export function memoryProvider(redirectUrl: string, name: string) {
  const state: { client?: StoredOAuthClientInformation; tokens?: StoredOAuthTokens; verifier: string; authUrl?: URL } = { verifier: '' };
  const provider: OAuthClientProvider = {
    get redirectUrl() { return redirectUrl; },
    get clientMetadata() {
      return { client_name: name, redirect_uris: [redirectUrl], grant_types: ['authorization_code', 'refresh_token'], response_types: ['code'], token_endpoint_auth_method: 'none' };
    },
    clientInformation: () => state.client,
    saveClientInformation: (c) => { state.client = c; },
    tokens: () => state.tokens,
    saveTokens: (t) => { state.tokens = t; },
    redirectToAuthorization: (u) => { state.authUrl = u; },
    saveCodeVerifier: (v) => { state.verifier = v; },
    codeVerifier: () => state.verifier,
  };
  return { provider, state };
}
