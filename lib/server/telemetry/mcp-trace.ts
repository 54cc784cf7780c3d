import 'server-only';
// The trace of one /mcp request, per the OpenTelemetry MCP semantic conventions (gen-ai/mcp.md):
// - a SERVER span named "{mcp.method.name} {target}" ("tools/call kb_search"; target = tool or prompt name), with
//   mcp.method.name, mcp.protocol.version, jsonrpc.request.id, mcp.session.id, gen_ai.tool.name,
//   gen_ai.operation.name = execute_tool, network.protocol.*, client/server address, error.type and
//   rpc.response.status_code on failures, and this platform's platform.request_id / platform.tenant;
// - an INTERNAL child span per pipeline step ("mcp.pipeline resolve_access", …), opened and closed at step boundaries
//   (step() ends the previous one; the request's end closes the last);
// - the caller's trace continued: W3C traceparent/tracestate from params._meta (SEP-414; it wins for that call) or
//   else from the HTTP headers.
// With export off there is no span: incomingTrace() only reads the caller's trace id, for the audit event.
import { propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Attributes, type Context, type Span, type TextMapGetter, type Tracer } from '@opentelemetry/api';
import { parseTraceParent } from '@opentelemetry/core';

export type PipelineStep = 'authenticate' | 'resolve_access' | 'validate_input' | 'idempotency' | 'rate_limit' | 'approval_gate' | 'execute' | 'check_output' | 'audit';

/** What the pipeline sees of a request's trace: the trace id for its audit record, and step boundaries. */
export interface CallTrace {
  /** 32 lower-case hex digits. */
  readonly traceId: string;
  /** The request span's id, when this server traces (export on). */
  readonly spanId?: string;
  /** Ends the current step's span and opens the next one (no-op when not exporting). */
  step(name: PipelineStep): void;
  /**
   * Records how the call ended (from its audit record): error.type etc. on the request span. `rpcCode` when the
   * answer is a JSON-RPC error rather than a tool result with isError.
   */
  outcome(outcome: string, errorCode?: string | null, rpcCode?: number): void;
}

/** The transport as the Node server saw it (node-bridge.ts), for network.* and client.* attributes. */
export interface NetworkInfo {
  httpVersion?: string;
  peerAddress?: string;
  peerPort?: number;
}

type Meta = Record<string, unknown>;

/** params._meta of a single JSON-RPC request (a batch's first). */
function metaOf(body: unknown): Meta | undefined {
  const m = Array.isArray(body) ? body[0] : body;
  const meta = (m as { params?: { _meta?: unknown } } | null | undefined)?.params?._meta;
  return meta && typeof meta === 'object' && !Array.isArray(meta) ? (meta as Meta) : undefined;
}

/** The caller's traceparent: params._meta's when it holds a valid one (it wins for that call), else the header's. */
function callerTraceParent(headers: Headers, meta: Meta | undefined): { value: string; from: 'meta' | 'header' } | undefined {
  const fromMeta = meta?.traceparent;
  if (typeof fromMeta === 'string' && parseTraceParent(fromMeta)) return { value: fromMeta, from: 'meta' };
  const fromHeader = headers.get('traceparent');
  return fromHeader && parseTraceParent(fromHeader) ? { value: fromHeader, from: 'header' } : undefined;
}

const NOOP = () => undefined;

/**
 * Export off: the caller's trace id, if the request came with one (the audit event records it; calls that share it
 * are one automated task). Undefined when it did not: nothing is allocated for the call.
 */
export function incomingTrace(headers: Headers, body: unknown): CallTrace | undefined {
  const meta = metaOf(body);
  if (!meta?.traceparent && !headers.has('traceparent')) return undefined;
  const tp = callerTraceParent(headers, meta);
  const parsed = tp && parseTraceParent(tp.value);
  return parsed ? { traceId: parsed.traceId, step: NOOP, outcome: NOOP } : undefined;
}

const headerGetter: TextMapGetter<Headers> = {
  keys: (h) => [...h.keys()],
  get: (h, key) => h.get(key) ?? undefined,
};
const metaGetter: TextMapGetter<Meta> = {
  keys: (m) => Object.keys(m),
  get: (m, key) => (typeof m[key] === 'string' ? (m[key] as string) : undefined),
};

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v.slice(0, 200) : undefined);

/** MCP errors that are JSON-RPC errors (not tool results with isError): the audit codes that map to them. */
const RPC_ERROR_CODES: Record<string, number> = { UNKNOWN_TOOL: -32602, INVALID_PARAMS: -32602 };

/** Export on: one /mcp request's span and its steps' spans. */
export class RequestTrace implements CallTrace {
  private span?: Span;
  private spanCtx?: Context;
  private current?: Span;
  private readonly startedAt = performance.now();
  private authAt?: { start: number; end: number };
  private tenant?: string;
  private clientAddress?: string;
  private hasError = false;

  constructor(private readonly tracer: Tracer, private readonly req: Request, private readonly requestId: string, private readonly network?: NetworkInfo) {}

  get traceId(): string {
    return this.span?.spanContext().traceId ?? '';
  }

  get spanId(): string | undefined {
    return this.span?.spanContext().spanId;
  }

  /** Authentication ran from the request's start until now (a step span, recorded once the request span exists). */
  authenticated(tenant: string | undefined, clientAddress: string | undefined): void {
    this.authAt = { start: this.startedAt, end: performance.now() };
    this.tenant = tenant;
    this.clientAddress = clientAddress;
  }

  /**
   * Opens the request span once the body is known (its method names it; its _meta may carry the caller's context),
   * backdated to the request's arrival. Returns this request's CallTrace for the pipeline.
   */
  begin(body: unknown): CallTrace {
    if (this.span) return this;
    const headers = this.req.headers;
    const meta = metaOf(body);
    const tp = callerTraceParent(headers, meta);
    const parent = !tp ? ROOT_CONTEXT : tp.from === 'meta' ? propagation.extract(ROOT_CONTEXT, meta!, metaGetter) : propagation.extract(ROOT_CONTEXT, headers, headerGetter);
    const msg = (Array.isArray(body) ? body[0] : body) as { id?: unknown; method?: unknown; params?: { name?: unknown; protocolVersion?: unknown } } | undefined;
    const method = str(msg?.method);
    const target = method === 'tools/call' || method === 'prompts/get' ? str(msg?.params?.name) : undefined;
    const url = new URL(this.req.url);
    const attributes: Attributes = {
      'platform.request_id': this.requestId,
      'network.transport': 'tcp',
      'network.protocol.name': 'http',
      'server.address': url.hostname,
      'server.port': Number(url.port || (url.protocol === 'https:' ? 443 : 80)),
      'url.path': url.pathname,
      'http.request.method': this.req.method,
    };
    if (this.network?.httpVersion) attributes['network.protocol.version'] = this.network.httpVersion;
    if (this.clientAddress ?? this.network?.peerAddress) attributes['client.address'] = this.clientAddress ?? this.network?.peerAddress;
    if (this.network?.peerPort) attributes['client.port'] = this.network.peerPort;
    if (this.tenant) attributes['platform.tenant'] = this.tenant;
    if (method) attributes['mcp.method.name'] = method;
    if (msg && (typeof msg.id === 'string' || typeof msg.id === 'number')) attributes['jsonrpc.request.id'] = String(msg.id);
    const version = str(headers.get('mcp-protocol-version')) ?? str(meta?.['io.modelcontextprotocol/protocolVersion']) ?? (method === 'initialize' ? str(msg?.params?.protocolVersion) : undefined);
    if (version) attributes['mcp.protocol.version'] = version;
    const session = str(headers.get('mcp-session-id'));
    if (session) attributes['mcp.session.id'] = session;
    if (method === 'tools/call') {
      attributes['gen_ai.operation.name'] = 'execute_tool';
      if (target) attributes['gen_ai.tool.name'] = target;
    } else if (method === 'prompts/get' && target) {
      attributes['gen_ai.prompt.name'] = target;
    }
    if (tp) attributes['platform.trace_parent_from'] = tp.from === 'meta' ? 'params._meta' : 'http_header';
    const name = method ? (target ? `${method} ${target}` : method) : `${this.req.method} /mcp`;
    this.span = this.tracer.startSpan(name, { kind: SpanKind.SERVER, startTime: this.startedAt, attributes }, parent);
    this.spanCtx = trace.setSpan(parent, this.span);
    if (this.authAt && this.span.isRecording()) {
      this.tracer.startSpan('mcp.pipeline authenticate', { kind: SpanKind.INTERNAL, startTime: this.authAt.start, attributes: { 'platform.pipeline.step': 'authenticate' } }, this.spanCtx).end(this.authAt.end);
    }
    return this;
  }

  step(name: PipelineStep): void {
    this.current?.end();
    this.current = undefined;
    if (!this.span?.isRecording()) return;
    this.current = this.tracer.startSpan(`mcp.pipeline ${name}`, { kind: SpanKind.INTERNAL, attributes: { 'platform.pipeline.step': name } }, this.spanCtx);
  }

  outcome(outcome: string, errorCode?: string | null, rpcCode?: number): void {
    const span = this.span;
    if (!span?.isRecording()) return;
    span.setAttribute('platform.outcome', outcome);
    if (errorCode) span.setAttribute('platform.error_code', errorCode);
    if (outcome !== 'error' && outcome !== 'denied') return;
    const code = rpcCode ?? (errorCode ? RPC_ERROR_CODES[errorCode] : undefined);
    // A JSON-RPC error carries its code; a tool result with isError is a "tool_error" (MCP semantic conventions).
    const type = code !== undefined ? String(code) : 'tool_error';
    span.setAttribute('error.type', type);
    if (code !== undefined) span.setAttribute('rpc.response.status_code', String(code));
    span.setStatus({ code: SpanStatusCode.ERROR, message: errorCode ?? type });
    this.hasError = true;
  }

  /** Runs the request and ends its spans with the answer (a streamed answer: when its stream ends). */
  async run(answer: () => Promise<Response>): Promise<Response> {
    let res: Response;
    try {
      res = await answer();
    } catch (e) {
      this.end(undefined, e);
      throw e;
    }
    const streamed = res.body && (res.headers.get('content-type') ?? '').startsWith('text/event-stream');
    if (!streamed) {
      this.end(res);
      return res;
    }
    const done = new TransformStream<Uint8Array, Uint8Array>({ flush: () => this.end(res) });
    res.body!.pipeTo(done.writable).catch((e: unknown) => this.end(res, e));
    return new Response(done.readable, { status: res.status, statusText: res.statusText, headers: res.headers });
  }

  private ended = false;

  private end(res: Response | undefined, error?: unknown): void {
    if (this.ended) return;
    this.ended = true;
    this.current?.end();
    this.current = undefined;
    if (!this.span) this.begin(undefined); // refused before its body was read (405, 403, 401, 415…)
    const span = this.span!;
    if (res) {
      span.setAttribute('http.response.status_code', res.status);
      if (res.status >= 400 && !this.hasError) {
        span.setAttribute('error.type', String(res.status));
        span.setStatus({ code: SpanStatusCode.ERROR });
      }
    }
    if (error !== undefined) {
      span.setAttribute('error.type', error instanceof Error ? error.name : 'unknown');
      span.setStatus({ code: SpanStatusCode.ERROR, message: 'request failed' });
    }
    span.end();
  }
}
