import 'server-only';
// The fetch our MCP client uses to reach an upstream server: every request goes through the SSRF guard
// (mcp-server/egress/ssrf.ts) to the one host the server was registered with, connects to the address that was
// checked (pinned lookup, no DNS rebinding), follows no redirects, and stops reading past `maxBytes`. Private
// addresses are reachable only when they are trusted internal hosts (lib/services/trusted-hosts).
import { Readable } from 'node:stream';
import { checkEgressTarget, pinnedRequest, type EgressOptions } from '@/mcp-server/egress/ssrf';
import { ToolRefusal } from '@/mcp-server/tools/types';

export interface UpstreamFetchOptions extends Pick<EgressOptions, 'resolve'> {
  /** The registered server's host: the only host this fetch reaches. */
  host: string;
  trustedInternal: readonly string[];
  maxBytes: number;
}

export type FetchLike = (url: string | URL, init?: RequestInit) => Promise<Response>;

function plainHeaders(h: HeadersInit | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  new Headers(h).forEach((v, k) => {
    out[k] = v;
  });
  return out;
}

async function bodyBuffer(body: BodyInit | null | undefined): Promise<Buffer | undefined> {
  if (body == null) return undefined;
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  return Buffer.from(await new Response(body).arrayBuffer());
}

export function upstreamFetch(opts: UpstreamFetchOptions): FetchLike {
  return async (raw, init = {}) => {
    const target = await checkEgressTarget(raw, [opts.host], { trustedInternal: opts.trustedInternal, resolve: opts.resolve });
    const body = await bodyBuffer(init.body);
    const signal = init.signal ?? undefined;
    return new Promise<Response>((resolve, reject) => {
      const req = pinnedRequest(target, { method: init.method ?? 'GET', headers: plainHeaders(init.headers), body, signal });
      req.on('error', (e: NodeJS.ErrnoException) => reject(signal?.aborted ? signal.reason : new ToolRefusal('UPSTREAM', `The upstream server ${target.host} is unreachable (${e.code ?? e.message}).`)));
      req.on('response', (res) => {
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > opts.maxBytes) res.destroy(new ToolRefusal('TOO_LARGE', `The upstream server ${target.host} sent more than ${opts.maxBytes} bytes.`));
        });
        const headers = new Headers();
        for (let i = 0; i < res.rawHeaders.length; i += 2) headers.append(res.rawHeaders[i]!, res.rawHeaders[i + 1]!);
        const status = res.statusCode ?? 502;
        const noBody = status === 204 || status === 304 || init.method === 'HEAD';
        if (noBody) res.resume();
        resolve(new Response(noBody ? null : (Readable.toWeb(res) as ReadableStream<Uint8Array>), { status, statusText: res.statusMessage, headers }));
      });
      req.end(body);
    });
  };
}
