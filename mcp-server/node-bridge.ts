import 'server-only';
// Node's http server → a fetch Request → handleMcpRequest → the Response written back, without Next's router in
// between: the production server (scripts/serve.ts) hands POST /mcp here directly. JSON answers are written in
// one go; a streamed answer (SSE progress) is piped as it comes, and the request's abort signal follows the client.
import type http from 'node:http';
import { Readable } from 'node:stream';
import { mcpConfig } from './config';
import { handleMcpRequest } from './http';
import { forComponent } from '@/lib/server/logger';
import { tracingEnabled } from '@/lib/server/telemetry';

export { PEER_HEADER } from '@/lib/server/client-ip';


export function isMcpPath(url: string | undefined): boolean {
  if (!url) return false;
  return url === '/mcp' || url.startsWith('/mcp?') || url === '/mcp/';
}

export async function serveMcp(req: http.IncomingMessage, res: http.ServerResponse, base: string): Promise<void> {
  const controller = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) controller.abort(new DOMException('the client went away', 'AbortError'));
  });
  try {
    const headers = new Headers();
    for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
    // The body is read here into one buffer (a web stream per request cost more than the call's own work), at most
    // one byte past the limit: handleMcpRequest answers 413 from that.
    let body: Buffer | undefined;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      const limit = mcpConfig().maxBodyBytes + 1;
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of req as AsyncIterable<Buffer>) {
        chunks.push(chunk);
        size += chunk.length;
        if (size >= limit) break;
      }
      body = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
    }
    // The body goes to the pipeline as it is (deps.body), not through the Request: wrapping it in a web stream only to
    // read it back cost more than parsing it.
    const request = new Request(`${base}${req.url ?? '/mcp'}`, { method: req.method, headers, signal: controller.signal });
    // The transport's details feed span attributes: read only while traces are exported.
    const response = await handleMcpRequest(request, { body, ...(tracingEnabled() ? { network: { httpVersion: req.httpVersion, peerAddress: req.socket.remoteAddress, peerPort: req.socket.remotePort } } : {}) });
    const out: Record<string, string | string[]> = {};
    response.headers.forEach((v, k) => {
      if (k === 'set-cookie') return;
      out[k] = v;
    });
    const type = response.headers.get('content-type') ?? '';
    if (!response.body || !type.startsWith('text/event-stream')) {
      const body = Buffer.from(await response.arrayBuffer());
      if (res.destroyed) return;
      out['content-length'] = String(body.length);
      res.writeHead(response.status, out);
      res.end(body);
      return;
    }
    res.writeHead(response.status, out);
    res.flushHeaders();
    Readable.fromWeb(response.body as import('node:stream/web').ReadableStream<Uint8Array>).on('error', () => res.destroy()).pipe(res);
  } catch (e) {
    forComponent('mcp').error({ err: e }, 'request failed before an answer');
    if (!res.headersSent && !res.destroyed) {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ jsonrpc: '2.0', id: null, error: { code: -32603, message: 'Internal error.' } }));
    } else {
      res.destroy();
    }
  }
}
