import 'server-only';
// Declarative HTTP tools: one request built from the validated arguments by the tool's declaration
// (lib/schemas/http-tool.ts, lib/services/http-tools/build-request.ts), sent through the egress rules, its JSON
// response mapped to the result.
// Egress (the SSRF guard's checkEgressTarget): the host must be on the tenant's egress allowlist, or be an exact
// trusted internal host (kept by platform admins, per tenant or platform-wide), and resolve to public addresses;
// a private address is reachable only when trusted (exact host, IP or CIDR entry). Metadata addresses never are. The socket connects to
// the checked address (no DNS rebinding); redirects are not followed (a 3xx is returned as an error).
// The credential comes from the tenant's secret for this tool at call time; no message ever contains it.
import { httpToolConfigProblems, type THttpToolConfig } from '@/lib/schemas/http-tool';
import { authHeader, buildHttpRequest, HttpToolInputError, mapResponse, type BuiltHttpRequest } from '@/lib/services/http-tools/build-request';
import { checkEgressTarget, pinnedRequest, type EgressTarget } from '@/mcp-server/egress/ssrf';
import { ToolRefusal } from '@/mcp-server/tools/types';
import type { EgressPolicy, ExecutorContext, KindExecutor } from './types';

type Resolve = (host: string) => Promise<{ address: string; family: 4 | 6 }[]>;

/**
 * The address to connect to, through the SSRF guard: the host must be on the tenant's egress allowlist or be
 * listed exactly as a trusted internal host; a private address is reachable only when it is trusted (exact host,
 * IP or CIDR entry). Metadata addresses never are.
 */
export function resolveHttpToolTarget(raw: string, egress: EgressPolicy, resolve?: Resolve): Promise<EgressTarget> {
  const exactTrusted = egress.trustedInternal.filter((e) => !e.includes('/'));
  return checkEgressTarget(raw, [...egress.allowlist, ...exactTrusted], { trustedInternal: egress.trustedInternal, ...(resolve ? { resolve } : {}) });
}

interface RawResponse {
  status: number;
  contentType: string;
  body: Buffer;
}

function send(target: EgressTarget, req: BuiltHttpRequest, signal: AbortSignal, maxBytes: number): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const body = req.body === null ? null : Buffer.from(req.body);
    const r = pinnedRequest(target, { method: req.method, headers: { 'user-agent': 'mcp-tool-platform/1.0 (http tool)', ...req.headers }, body, signal, close: true });
    const aborted = () => reject(signal.reason instanceof Error && signal.reason.name === 'TimeoutError'
      ? new ToolRefusal('TIMEOUT', `${target.host} did not answer within the time limit.`)
      : new ToolRefusal('CANCELLED', `The request to ${target.host} was cancelled.`));
    signal.addEventListener('abort', aborted, { once: true });
    r.on('error', (e: NodeJS.ErrnoException) => (signal.aborted ? aborted() : reject(new ToolRefusal('UPSTREAM', `The request to ${target.host} failed: ${e.code ?? 'connection error'}.`))));
    r.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) {
          res.destroy();
          reject(new ToolRefusal('TOO_LARGE', `${target.host} sent more than the tool's limit of ${maxBytes} bytes; the response was discarded.`));
          return;
        }
        chunks.push(chunk);
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), body: Buffer.concat(chunks) }));
      res.on('error', () => (signal.aborted ? aborted() : reject(new ToolRefusal('UPSTREAM', `Reading the response of ${target.host} failed.`))));
    });
    r.end(body ?? undefined);
  });
}

/** Removes every occurrence of the secret (and its Basic encoding) from text shown to the agent. */
function scrub(text: string, secrets: string[]): string {
  let out = text;
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join('[secret]');
  return out;
}

export interface HttpDeclarativeOptions {
  /** DNS answers (tests). */
  resolve?: Resolve;
}

export async function runHttpTool(ctx: ExecutorContext, config: THttpToolConfig, args: Record<string, unknown>, signal: AbortSignal, opts: HttpDeclarativeOptions = {}) {
  const problems = httpToolConfigProblems(config);
  if (problems.length) throw new ToolRefusal('NOT_CONFIGURED', `${ctx.tool.slug} is misconfigured: ${problems.map((p) => p.message).join(' ')}`);
  let credential: { name: string; value: string } | null = null;
  const secrets: string[] = [];
  if (config.auth.type !== 'none') {
    const value = await ctx.secret(config.auth.secret);
    if (!value) throw new ToolRefusal('NOT_CONFIGURED', `${ctx.tool.slug} needs the secret ${config.auth.secret}, which this tenant has not set; ask a tenant admin to set it in Settings → Secrets.`);
    credential = authHeader(config.auth, value);
    secrets.push(value, credential!.value.replace(/^(Bearer|Basic) /, ''));
  }
  let req: BuiltHttpRequest;
  try {
    req = buildHttpRequest(config, args, credential);
  } catch (e) {
    if (e instanceof HttpToolInputError) throw new ToolRefusal('INVALID', e.message);
    throw new ToolRefusal('INVALID', 'The arguments do not form a valid URL for this tool.');
  }
  const timeout = AbortSignal.timeout(Math.min(config.timeoutMs, ctx.timeoutMs));
  const all = AbortSignal.any([signal, timeout]);
  const target = await resolveHttpToolTarget(req.url, ctx.egress, opts.resolve);
  const started = performance.now();
  const res = await send(target, req, all, config.maxResponseBytes);
  const latencyMs = Math.round(performance.now() - started);
  const text = res.body.toString('utf8');
  let parsed: unknown = text;
  if (/json/i.test(res.contentType) || /^\s*[[{]/.test(text)) {
    try {
      parsed = text.length ? JSON.parse(text) : null;
    } catch {
      if (/json/i.test(res.contentType)) throw new ToolRefusal('UPSTREAM', `${target.host} answered ${res.status} with a body that is not valid JSON.`);
    }
  }
  if (res.status < 200 || res.status >= 300) {
    const snippet = scrub(text.slice(0, 300), secrets).replace(/\s+/g, ' ');
    throw new ToolRefusal('UPSTREAM', `${target.host} answered HTTP ${res.status}${res.status >= 300 && res.status < 400 ? ' (redirects are not followed)' : ''}${snippet ? `: ${snippet}` : ''}.`);
  }
  return {
    output: { status: res.status, data: mapResponse(config, parsed) },
    effects: { resourcesTouched: [`${req.method} ${target.url.origin}${target.url.pathname}`], latencyMs },
  };
}

export function createHttpDeclarativeExecutor(opts: HttpDeclarativeOptions = {}): KindExecutor {
  return {
    kind: 'http_declarative',
    effect: (tool) => (tool.readOnly ? 'none' : 'external'),
    async execute(ctx, args, signal) {
      if (ctx.tool.config.kind !== 'http_declarative') throw new ToolRefusal('NOT_CONFIGURED', `${ctx.tool.slug} has no declarative HTTP configuration.`);
      const r = await runHttpTool(ctx, ctx.tool.config, args, signal, opts);
      return { output: r.output, effects: { resourcesTouched: r.effects.resourcesTouched } };
    },
  };
}

export const httpDeclarativeExecutor: KindExecutor = createHttpDeclarativeExecutor();
