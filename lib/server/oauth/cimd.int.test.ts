// Client ID Metadata Documents: the client id is an https URL whose JSON the authorization server fetches through
// the egress guard. A loopback stand-in (TLS with a test CA) is reached only through the guard's explicit test
// allowances (allowPrivateAddresses + a resolver), passed in code to this test's provider; without them a private
// address is refused before any connection.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pkce, startAuthServer, startAuthorization, type TestAuthServer } from '@/lib/testing/oauth';

let server: https.Server;
let base: string;
let hits: string[] = [];
let as: TestAuthServer;
let guarded: TestAuthServer;
const REDIRECT = 'http://127.0.0.1:7777/callback';

beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cimd-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem'), '-days', '1', '-subj', '/CN=cimd.test', '-addext', 'subjectAltName=DNS:cimd.test'], { stdio: 'ignore' });
  const cert = fs.readFileSync(path.join(dir, 'cert.pem'), 'utf8');
  tls.setDefaultCACertificates([...tls.getCACertificates('default'), cert]);
  server = https.createServer({ key: fs.readFileSync(path.join(dir, 'key.pem')), cert }, (req, res) => {
    hits.push(req.url ?? '');
    const id = `${base}${req.url}`;
    const doc = req.url === '/client.json'
      ? { client_id: id, client_name: 'CIMD client', redirect_uris: [REDIRECT], token_endpoint_auth_method: 'none', grant_types: ['authorization_code', 'refresh_token'], response_types: ['code'] }
      : req.url === '/mismatch.json' ? { client_id: `${base}/other.json`, redirect_uris: [REDIRECT], token_endpoint_auth_method: 'none' }
        : req.url === '/secret.json' ? { client_id: id, redirect_uris: [REDIRECT], token_endpoint_auth_method: 'client_secret_post' } : null;
    res.writeHead(doc ? 200 : 404, { 'content-type': 'application/json', 'cache-control': 'max-age=300' });
    res.end(JSON.stringify(doc ?? {}));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `https://cimd.test:${(server.address() as AddressInfo).port}`;
  const resolve = async (host: string) => (host === 'cimd.test' ? [{ address: '127.0.0.1', family: 4 as const }] : []);
  as = await startAuthServer({ egress: { allowPrivateAddresses: true, resolve }, install: false });
  // The production guard: no allowance. cimd.test resolves to a private address, which is refused.
  guarded = await startAuthServer({ egress: { resolve: async () => [{ address: '10.1.2.3', family: 4 as const }] }, install: false });
});
afterAll(async () => {
  await Promise.all([as?.close(), guarded?.close()]);
  server?.closeAllConnections();
  server?.close();
});

describe('client id metadata documents', () => {
  it('fetches the document once (cached), and starts the consent for a listed redirect URI', async () => {
    hits = [];
    const first = await startAuthorization(as, { clientId: `${base}/client.json`, redirectUri: REDIRECT, challenge: pkce().challenge });
    expect(first.res.status).toBe(303);
    expect(first.uid).toBeTruthy();
    const again = await startAuthorization(as, { clientId: `${base}/client.json`, redirectUri: REDIRECT, challenge: pkce().challenge });
    expect(again.uid).toBeTruthy();
    expect(hits).toEqual(['/client.json']);
  });

  it('enforces the document\'s redirect URIs', async () => {
    const flow = await startAuthorization(as, { clientId: `${base}/client.json`, redirectUri: 'http://127.0.0.1:7777/elsewhere', challenge: pkce().challenge });
    expect(flow.res.status).toBe(400);
    expect(flow.uid).toBeNull();
    expect(await flow.res.text()).toMatch(/redirect_uri did not match/);
  });

  it('refuses a document whose client_id differs, or that asks for a shared secret', async () => {
    for (const doc of ['mismatch.json', 'secret.json']) {
      const flow = await startAuthorization(as, { clientId: `${base}/${doc}`, redirectUri: REDIRECT, challenge: pkce().challenge });
      expect(flow.res.status).toBe(400);
      expect(flow.uid).toBeNull();
    }
  });

  it('refuses private addresses through the egress guard, before connecting', async () => {
    hits = [];
    const port = (server.address() as AddressInfo).port;
    for (const clientId of [`${base}/client.json`, `https://127.0.0.1:${port}/client.json`, `https://[::1]:${port}/client.json`, 'https://169.254.169.254/latest/meta-data']) {
      const flow = await startAuthorization(guarded, { clientId, redirectUri: REDIRECT, challenge: pkce().challenge });
      expect(flow.res.status).toBe(400);
      expect(flow.uid).toBeNull();
      expect(await flow.res.text()).toMatch(/client/i);
    }
    expect(hits).toEqual([]);
  });

  it('refuses a client id that is not an https URL', async () => {
    const flow = await startAuthorization(as, { clientId: `http://cimd.test:${(server.address() as AddressInfo).port}/client.json`, redirectUri: REDIRECT, challenge: pkce().challenge });
    expect(flow.res.status).toBe(400);
  });
});
