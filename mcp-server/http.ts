import 'server-only';
// /mcp over Streamable HTTP, stateless: any replica answers any request (limits, approvals and activations live in
// the database). Checks before the MCP SDK: method (405), Host and Origin (DNS-rebinding protection, 403), the Bearer
// token (401 + RFC 9728 resource metadata), then content type, Accept, size and JSON-RPC shape (415/406/413/-32700/
// -32600). Then the request goes to the era it speaks: 2026-07-28 requests (per-request `_meta` envelope) to the SDK's
// createMcpHandler, 2025-era requests (initialize handshake, no envelope) to a per-request streamable HTTP transport.
// Either way a new server per request: sharing one across requests leaks responses between clients.
import { createMcpHandler, isLegacyRequest, WebStandardStreamableHTTPServerTransport, type AuthInfo, type McpHttpHandler } from '@modelcontextprotocol/server';
import type pg from 'pg';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { recordAuthFailure } from '@/lib/server/audit-chain/auth-failures';
import { clientIp } from '@/lib/server/client-ip';
import { getDb, getPgPool } from '@/lib/server/db/client';
import { env } from '@/lib/server/env';
import { mcpConfig } from './config';
import { JSONRPC, jsonRpcErrorResponse } from './jsonrpc';
import { argumentProblem } from './argument-guard';
import { auditCall } from './pipeline/audit';
import { authenticate, type McpCaller } from './pipeline/authenticate';
import { touchToken } from './pipeline/metrics';
import type { CallContext } from './pipeline/call-tool';
import { createMcpServer } from './server';
import { newRequestId } from '@/lib/server/ids';
import { SCOPE_ALL_TOOLS } from '@/lib/schemas/oauth';
import { forComponent, forRequest } from '@/lib/server/logger';
import { activeTracer, incomingTrace, RequestTrace, startTelemetry, type CallTrace, type NetworkInfo } from '@/lib/server/telemetry';

const log = forComponent('mcp');
// Under `next dev` (no scripts/serve.ts) the first load of this module starts trace export when OTEL_* configure it;
// a no-op when already started (serve.ts does it first) or not configured.
if (process.env.NEXT_RUNTIME === 'nodejs') void startTelemetry().catch((e: unknown) => log.error({ err: e }, 'trace export could not start'));

/** What the SDK's modern handler hands back to the server factory: this request's pipeline context. */
function contextOf(authInfo: AuthInfo | undefined): CallContext {
  const ctx = authInfo?.extra?.ctx as CallContext | undefined;
  if (!ctx) throw new Error('MCP request reached the server factory without its authenticated context');
  return ctx;
}

// One modern (2026-07-28) handler per process: it holds no request state, only the factory; every request gets a
// fresh server bound to its own authenticated context. Legacy requests never reach it (routed below), hence 'reject'.
let modernHandler: McpHttpHandler | null = null;
function modern(): McpHttpHandler {
  modernHandler ??= createMcpHandler(({ authInfo }) => createMcpServer(contextOf(authInfo), { fixtures: mcpConfig().fixtures, era: 'modern' }), { legacy: 'reject', responseMode: 'auto', onerror: (e) => log.warn({ err: e.message }, '2026-07-28 request refused or failed') });
  return modernHandler;
}

export interface McpDeps {
  db?: PrismaClient;
  pool?: pg.Pool;
  /** The transport as the Node server saw it (span attributes; passed only while traces are exported). */
  network?: NetworkInfo;
  /** The body, already read by the Node server (at most one byte past the limit); the Request then carries none. */
  body?: Uint8Array;
}

export const PROTECTED_RESOURCE_PATH = '/.well-known/oauth-protected-resource/mcp';

function hostnameOf(hostHeader: string): string {
  const h = hostHeader.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  return h.split(':')[0]!;
}

/** The public origin of this server (for the resource metadata URL). */
export function publicOrigin(req: Request): string {
  const configured = env().NEXTAUTH_URL;
  return configured ? new URL(configured).origin : new URL(req.url).origin;
}


function withHeaders(res: Response, headers: Record<string, string>): Response {
  try {
    for (const [k, v] of Object.entries(headers)) res.headers.set(k, v); // a constructed Response's headers are mutable
    return res;
  } catch {
    const h = new Headers(res.headers); // immutable headers (a fetched Response): copy
    for (const [k, v] of Object.entries(headers)) h.set(k, v);
    return new Response(res.body, { status: res.status, statusText: res.statusText, headers: h });
  }
}

/**
 * A browser Origin is allowed when it is listed (MCP_ALLOWED_ORIGINS), is this server's public origin, or is the
 * very origin the request was sent to: same scheme as the public origin, and exactly the Host header's host and port
 * on an allowed host name. Another port or scheme of an allowed host is another origin.
 */
export function originAllowed(origin: string, host: string, publicOrigin: string, cfg: Pick<ReturnType<typeof mcpConfig>, 'allowedHosts' | 'allowedOrigins'>): boolean {
  const o = origin.toLowerCase();
  if (cfg.allowedOrigins.has(o)) return true;
  let parsed: URL;
  try {
    parsed = new URL(o);
  } catch {
    return false;
  }
  if (parsed.origin === new URL(publicOrigin).origin) return true;
  const scheme = new URL(publicOrigin).protocol;
  return parsed.protocol === scheme && parsed.host === host.trim().toLowerCase() && cfg.allowedHosts.has(parsed.hostname);
}

const isId = (v: unknown) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));

/** JSON-RPC 2.0 envelope (request, notification or response), checked by hand: the SDK validates the full schema next. */
export function isJsonRpcMessage(m: unknown): boolean {
  if (!m || typeof m !== 'object' || Array.isArray(m)) return false;
  const o = m as Record<string, unknown>;
  if (o.jsonrpc !== '2.0') return false;
  if ('method' in o) {
    const paramsOk = o.params === undefined || (typeof o.params === 'object' && o.params !== null);
    return typeof o.method === 'string' && o.method.length > 0 && (!('id' in o) || isId(o.id)) && paramsOk;
  }
  if (!isId(o.id)) return false;
  const hasResult = 'result' in o;
  const hasError = typeof o.error === 'object' && o.error !== null;
  return hasResult !== hasError;
}

/**
 * Content negotiation, size limit and JSON-RPC shape, answered with precise errors: 415, 406, 413, -32700, -32600.
 * The body is read once, streaming, and never beyond the limit.
 */
async function readJsonRpcBody(req: Request, maxBytes: number, requestId: string, read?: Uint8Array): Promise<unknown> {
  const type = req.headers.get('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    return jsonRpcErrorResponse(415, JSONRPC.INVALID_REQUEST, `Unsupported Content-Type "${type}": send application/json.`, { requestId });
  }
  const accept = req.headers.get('accept') ?? '';
  if (!accept.includes('application/json') || !accept.includes('text/event-stream')) {
    return jsonRpcErrorResponse(406, JSONRPC.INVALID_REQUEST, 'Not Acceptable: the Accept header must list both application/json and text/event-stream.', { requestId });
  }
  const tooLarge = () => jsonRpcErrorResponse(413, JSONRPC.INVALID_REQUEST, `Request body over the limit of ${maxBytes} bytes.`, { requestId });
  const declared = Number(req.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) return tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (read) {
    if (read.byteLength > maxBytes) return tooLarge();
    chunks.push(read);
  } else if (req.body && Number.isFinite(declared)) {
    // A declared length within the limit: the HTTP layer delivers no more than it, so the body is read at once (and
    // still checked, for callers that build a Request by hand).
    const whole = new Uint8Array(await req.arrayBuffer());
    if (whole.byteLength > maxBytes) return tooLarge();
    chunks.push(whole);
  } else if (req.body) {
    const reader = req.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return tooLarge();
      }
      chunks.push(value);
    }
  }
  let parsed: unknown;
  try {
    const whole = chunks.length === 1 ? Buffer.from(chunks[0]!.buffer, chunks[0]!.byteOffset, chunks[0]!.byteLength) : Buffer.concat(chunks);
    parsed = JSON.parse(whole.toString('utf8'));
  } catch (e) {
    return jsonRpcErrorResponse(400, JSONRPC.PARSE_ERROR, `Parse error: ${e instanceof Error ? e.message : 'invalid JSON'}.`, { requestId });
  }
  const messages = Array.isArray(parsed) ? parsed : [parsed];
  const bad = messages.findIndex((m) => !isJsonRpcMessage(m));
  if (messages.length === 0 || bad >= 0) {
    const what = messages.length === 0 ? 'an empty batch' : `message ${bad + 1} is not a JSON-RPC 2.0 request, notification or response (needs "jsonrpc": "2.0" and a "method" or a "result"/"error" with an "id")`;
    return jsonRpcErrorResponse(400, JSONRPC.INVALID_REQUEST, `Invalid request: ${what}.`, { requestId });
  }
  return parsed;
}

/**
 * A tools/call whose arguments hold text the database cannot store or nest too deep is refused here (-32602, the
 * field named, audited), before the SDK or the pipeline walks them.
 */
async function refuseUnstorableArguments(body: unknown, sink: { pool: pg.Pool }, caller: McpCaller, requestId: string, trace: CallTrace | undefined): Promise<Response | null> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return null;
  const m = body as { id?: string | number; method?: unknown; params?: { name?: unknown; arguments?: unknown } };
  if (m.method !== 'tools/call' || m.params?.arguments === undefined) return null;
  const problem = argumentProblem(m.params.arguments);
  if (!problem) return null;
  const tool = typeof m.params.name === 'string' ? m.params.name.slice(0, 100) : '?';
  await auditCall(sink, caller, requestId, { toolSlug: tool, outcome: 'denied', errorCode: 'INVALID_PARAMS', latencyMs: 0, details: { reason: problem.message, field: problem.field }, trace })
    .catch((e: unknown) => forRequest({ requestId, traceId: trace?.traceId }, log).error({ err: e }, 'could not audit refused arguments'));
  return jsonRpcErrorResponse(200, JSONRPC.INVALID_PARAMS, `Invalid params: ${problem.message}`, { requestId, id: m.id ?? null, data: { field: problem.field } });
}

const isEventStream = (res: Response) => (res.headers.get('content-type') ?? '').startsWith('text/event-stream');

function asksForProgress(body: unknown): boolean {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return false;
  const m = body as { method?: unknown; params?: { _meta?: { progressToken?: unknown } } };
  const token = m.params?._meta?.progressToken;
  return m.method === 'tools/call' && (typeof token === 'string' || typeof token === 'number');
}

export function handleMcpRequest(req: Request, deps: McpDeps = {}): Promise<Response> {
  const tracer = activeTracer(); // undefined unless traces are exported: then nothing below allocates a span
  if (!tracer) return answer(req, deps, newRequestId(), undefined);
  const requestId = newRequestId();
  const t = new RequestTrace(tracer, req, requestId, deps.network);
  return t.run(() => answer(req, deps, requestId, t));
}

async function answer(req: Request, deps: McpDeps, requestId: string, t: RequestTrace | undefined): Promise<Response> {
  const cfg = mcpConfig();
  if (req.method !== 'POST') {
    return jsonRpcErrorResponse(405, JSONRPC.SERVER_ERROR, `Method ${req.method} not allowed: this stateless server answers POST only (no server-initiated streams, no sessions).`, { requestId, headers: { allow: 'POST' } });
  }
  const host = req.headers.get('host') ?? new URL(req.url).host; // in-process callers (tests) have no Host header
  if (!host || !cfg.allowedHosts.has(hostnameOf(host))) {
    return jsonRpcErrorResponse(403, JSONRPC.SERVER_ERROR, `Host "${host ?? ''}" is not allowed (DNS-rebinding protection; set MCP_ALLOWED_HOSTS).`, { requestId });
  }
  const origin = req.headers.get('origin');
  if (origin && !originAllowed(origin, host, publicOrigin(req), cfg)) {
    return jsonRpcErrorResponse(403, JSONRPC.SERVER_ERROR, `Origin "${origin}" is not allowed.`, { requestId });
  }

  const db = deps.db ?? (await getDb());
  const ip = clientIp((name) => req.headers.get(name));
  const auth = await authenticate(db, req.headers.get('authorization'), ip);
  t?.authenticated(auth.ok ? auth.caller.tenant.slug : undefined, ip ?? undefined);
  if (!auth.ok) {
    await recordAuthFailure(db, { kind: 'agent', id: auth.tokenId ?? 'anonymous', label: auth.tokenId ? `token:${auth.tokenId}` : 'anonymous', tenantId: auth.tenantId, teamIds: [], roles: [], via: 'mcp', ip }, {
      requestId, tenantId: auth.tenantId, action: 'mcp.auth_failed', resourceType: 'agent_token', resourceId: auth.tokenId, outcome: 'denied', errorCode: 'UNAUTHENTICATED', details: { reason: auth.reason },
    }).catch((e: unknown) => forRequest({ requestId }, log).error({ err: e }, 'could not audit a refused authentication'));
    // RFC 6750 / RFC 9728: the scope an OAuth client should ask for and where the resource metadata is.
    const scoped = auth.reason === 'insufficient_scope';
    const message = auth.reason === 'missing' ? 'Authentication required: send Authorization: Bearer <agent token or OAuth access token>.' : scoped ? 'This access token grants no tool: connect again and choose at least one tool.' : 'Invalid, expired or revoked token.';
    const challenge = `Bearer resource_metadata="${publicOrigin(req)}${PROTECTED_RESOURCE_PATH}", scope="${SCOPE_ALL_TOOLS}"${auth.reason === 'missing' ? '' : scoped ? ', error="insufficient_scope"' : ', error="invalid_token"'}`;
    return jsonRpcErrorResponse(scoped ? 403 : 401, JSONRPC.SERVER_ERROR, message, { requestId, headers: { 'www-authenticate': challenge } });
  }

  // "Last used" follows every authenticated request (a listing, a held or refused call), at most once a minute.
  touchToken(db, auth.caller);
  const body = await readJsonRpcBody(req, cfg.maxBodyBytes, requestId, deps.body);
  if (body instanceof Response) return body;

  const pool = deps.pool ?? (await getPgPool());
  // The caller's trace (params._meta's traceparent, else the header's) continues here; its id goes in the audit.
  const trace = t ? t.begin(body) : incomingTrace(req.headers, body);
  const refused = await refuseUnstorableArguments(body, { pool }, auth.caller, requestId, trace);
  if (refused) return refused;
  const ctx: CallContext = { db, pool, caller: auth.caller, requestId, http: {}, idempotencyKey: req.headers.get('idempotency-key') ?? undefined, signal: req.signal, trace };
  // Every answer carries its request id; a JSON answer to a call a limit refused also carries Retry-After (a streamed
  // answer has sent its headers before the pipeline knows).
  const finish = (res: Response) =>
    withHeaders(res, { 'x-request-id': requestId, ...(ctx.http.retryAfterSeconds && !isEventStream(res) ? { 'retry-after': String(ctx.http.retryAfterSeconds) } : {}) });

  if (!(await isLegacyRequest(req, body))) {
    const authInfo: AuthInfo = { token: auth.caller.tokenId, clientId: auth.caller.tokenId, scopes: auth.caller.scopes, extra: { ctx } };
    return finish(await modern().fetch(req, { parsedBody: body, authInfo }));
  }

  const server = createMcpServer(ctx, { fixtures: cfg.fixtures, era: 'legacy' });
  // JSON responses, except for a tools/call that asks for progress: then the answer streams (SSE) so progress
  // notifications reach the caller before the result. Either way nothing outlives the request.
  const streamed = asksForProgress(body);
  const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: !streamed });
  const close = () => void server.close().catch(() => undefined);
  let res: Response;
  try {
    await server.connect(transport);
    res = await transport.handleRequest(req, { parsedBody: body });
  } catch (e) {
    close();
    throw e;
  }
  if (!streamed || !res.body) {
    // A JSON answer is complete here: the server has no pending request, timer or stream left, so it is left to the
    // garbage collector rather than closed (closing settles its empty pending maps with a new error object, whose
    // stack capture was ~3% of a call's CPU).
    return finish(res);
  }
  // Streamed: the server lives until its stream has been sent (or the client goes away).
  const relay = new TransformStream<Uint8Array, Uint8Array>({ flush: close });
  res.body.pipeTo(relay.writable).catch(close);
  return finish(new Response(relay.readable, { status: res.status, statusText: res.statusText, headers: res.headers }));
}
