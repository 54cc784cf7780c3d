import 'server-only';
// Our backend MCP client for upstream servers (the official SDK client over Streamable HTTP). One short-lived
// client per operation (a call, a discovery, a health check): nothing is shared between calls, so a hanging upstream
// only ever holds its own call, which the AbortSignal and the server's timeout end. Requests go through the SSRF
// guard (./guarded-fetch.ts) and carry the upstream's own credential, never the agent's token.
import { Client, SdkError, SdkErrorCode, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { ToolRefusal } from '@/mcp-server/tools/types';
import { upstreamFetch } from './guarded-fetch';

export interface UpstreamTarget {
  url: string;
  /** Shown in errors ("crm"). */
  label: string;
  timeoutMs: number;
  /** Bearer credential of the upstream (decrypted tenant secret), or null. */
  credential: string | null;
  trustedInternal: readonly string[];
  maxBytes?: number;
}

const CLIENT_INFO = { name: 'mcp-tool-platform-federation', version: '1.0.0' };

/** Maps whatever the SDK, the guard or the network threw to a refusal the agent (or the admin) can read. */
export function upstreamError(e: unknown, target: UpstreamTarget, signal: AbortSignal): ToolRefusal {
  if (e instanceof ToolRefusal) return e;
  const reason = signal.reason as unknown;
  if (signal.aborted) {
    return reason instanceof Error && reason.name === 'TimeoutError'
      ? new ToolRefusal('TIMEOUT', `The upstream server ${target.label} did not answer within ${target.timeoutMs} ms.`)
      : new ToolRefusal('CANCELLED', `The call to the upstream server ${target.label} was cancelled.`);
  }
  if (e instanceof SdkError && e.code === SdkErrorCode.RequestTimeout) {
    return new ToolRefusal('TIMEOUT', `The upstream server ${target.label} did not answer within ${target.timeoutMs} ms.`);
  }
  const cause = (e as { cause?: unknown })?.cause;
  if (cause instanceof ToolRefusal) return cause;
  const message = e instanceof Error ? e.message : String(e);
  return new ToolRefusal('UPSTREAM', `The upstream server ${target.label} failed: ${message.slice(0, 300)}`);
}

/**
 * Connects, runs `work`, closes. Ends within the target's timeout (or sooner when `signal` aborts), whatever the
 * upstream does: the time limit aborts the fetch, the SDK request and this promise alike.
 */
export async function withUpstreamClient<T>(target: UpstreamTarget, signal: AbortSignal | undefined, work: (client: Client, signal: AbortSignal) => Promise<T>): Promise<T> {
  const timer = AbortSignal.timeout(target.timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timer]) : timer;
  let host: string;
  try {
    host = new URL(target.url).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  } catch {
    throw new ToolRefusal('NOT_CONFIGURED', `The upstream server ${target.label} has an invalid URL.`);
  }
  const client = new Client(CLIENT_INFO);
  const transport = new StreamableHTTPClientTransport(new URL(target.url), {
    fetch: upstreamFetch({ host, trustedInternal: target.trustedInternal, maxBytes: target.maxBytes ?? 4 * 1024 * 1024 }),
    requestInit: { headers: target.credential ? { authorization: `Bearer ${target.credential}` } : {}, signal: combined },
  });
  const options = { signal: combined, timeout: target.timeoutMs };
  const run = async () => {
    await client.connect(transport, options);
    return work(client, combined);
  };
  try {
    return await new Promise<T>((resolve, reject) => {
      const onAbort = () => reject(upstreamError(combined.reason, target, combined));
      if (combined.aborted) return onAbort();
      combined.addEventListener('abort', onAbort, { once: true });
      run().then(resolve, (e: unknown) => reject(upstreamError(e, target, combined))).finally(() => combined.removeEventListener('abort', onAbort));
    });
  } finally {
    void client.close().catch(() => undefined);
  }
}
