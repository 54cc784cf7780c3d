import 'server-only';
// The authorization server's outgoing requests (Client ID Metadata Documents, and any jwks_uri / request_uri a client
// names) go through the platform's egress guard (mcp-server/egress/ssrf.ts): https only, public addresses only, the
// connection pinned to the checked address, no redirects, a small body. Tests reach a loopback stand-in only through
// `allowPrivateAddresses` and `resolve`, passed in code (createOAuthProvider's `egress` option), never configuration.
import type { EgressOptions } from '@/mcp-server/egress/ssrf';
import { guardedGet } from '@/mcp-server/egress/ssrf';

const MAX_BYTES = 64 * 1024;

export function guardedFetch(egress: EgressOptions = {}) {
  return async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.protocol !== 'https:') throw new Error('Only https URLs are fetched.');
    if ((init.method ?? 'GET').toUpperCase() !== 'GET') throw new Error('Only GET requests are made.');
    const res = await guardedGet(url.toString(), {
      ...egress,
      allowlist: [url.hostname],
      headers: { accept: new Headers(init.headers).get('accept') ?? 'application/json' },
      signal: init.signal ?? AbortSignal.timeout(2500),
      maxBytes: MAX_BYTES + 1,
      maxRedirects: 0,
    });
    if (res.truncated || res.body.length > MAX_BYTES) throw new Error(`The document at ${url.host} is larger than ${MAX_BYTES} bytes.`);
    const headers = new Headers();
    for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : String(v));
    const noBody = res.status === 204 || res.status === 304 || (res.status >= 100 && res.status < 200);
    return new Response(noBody ? null : new Uint8Array(res.body), { status: res.status < 200 ? 502 : res.status, headers });
  };
}
