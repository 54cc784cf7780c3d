// The small Node http bridge of the MCP benchmarks (Node http → fetch Request → handler → Response), shared by the
// in-process servers of bench:mcp and the bare server's own process (scripts/bench-bare-serve.ts).
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Served {
  url: string;
  /** Resolves once no call is being handled (a call stays in flight until its handler has finished, even when the client went away). */
  idle: () => Promise<void>;
  close: () => Promise<void>;
  /** CPU time used so far by the server's own process, in µs, when it runs outside this one (e2e mode). */
  cpu?: () => number;
  /** The server's own process id when it runs outside this one and can be profiled (SIGUSR2, scripts/bench-profile.ts). */
  pid?: () => number | null;
  /** What the server's process printed so far (shown when it fails the first call). */
  output?: () => string;
}

/** Node http → fetch Request → handler → Response, the same bridge for both servers. */
export function serve(handler: (req: Request) => Promise<Response>, port = 0): Promise<Served> {
  let inflight = 0;
  let waiters: (() => void)[] = [];
  const done = () => {
    if (--inflight > 0) return;
    const w = waiters;
    waiters = [];
    for (const r of w) r();
  };
  const idle = () => (inflight === 0 ? Promise.resolve() : new Promise<void>((r) => waiters.push(r)));
  const server = http.createServer(async (req, res) => {
    inflight++;
    try {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
      const response = await handler(new Request(`http://localhost${req.url}`, { method: req.method, headers, body: req.method === 'POST' ? Buffer.concat(chunks) : undefined }));
      const body = Buffer.from(await response.arrayBuffer());
      if (!res.destroyed) {
        res.writeHead(response.status, Object.fromEntries(response.headers));
        res.end(body);
      }
    } catch (e) {
      console.error('[bench] handler failed', e);
      if (!res.destroyed && !res.headersSent) res.writeHead(500).end();
    } finally {
      done();
    }
  });
  server.keepAliveTimeout = 60_000;
  return new Promise((resolve) =>
    server.listen(port, '127.0.0.1', () => resolve({
      url: `http://localhost:${(server.address() as AddressInfo).port}/mcp`,
      idle,
      close: async () => {
        await idle();
        server.closeAllConnections();
        await new Promise<void>((r) => server.close(() => r()));
      },
    })),
  );
}

