import 'server-only';
// `next dev` (and any host without scripts/serve.ts) reaches the authorization server through Next route handlers:
// the request is relayed to a loopback listener of this process serving the same provider (serveOAuth). The
// production server hands these paths to serveOAuth directly, before Next.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { serveOAuth } from '@/lib/server/oauth/host';

const g = globalThis as typeof globalThis & { __oauthLoopback?: Promise<string> };

function loopback(): Promise<string> {
  g.__oauthLoopback ??= new Promise<string>((resolve, reject) => {
    const server = http.createServer((req, res) => void serveOAuth(req, res));
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
    server.unref();
  });
  return g.__oauthLoopback;
}

export async function relayToOAuth(req: Request): Promise<Response> {
  const url = new URL(req.url);
  const headers = new Headers(req.headers);
  headers.delete('host');
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  const res = await fetch(`${await loopback()}${url.pathname}${url.search}`, {
    method: req.method, headers, body: hasBody ? await req.arrayBuffer() : undefined, redirect: 'manual',
  });
  return new Response(res.body, { status: res.status, statusText: res.statusText, headers: res.headers });
}
