// Trace context continued: a /mcp tools/call that arrives with a W3C traceparent (HTTP header, or params._meta in
// 2026-07-28) is traced as a child of the caller's span and exported over OTLP/HTTP to a collector (here a loopback
// receiver of the JSON encoding); its audit event records the trace id. With export off, the caller's trace id is
// still recorded, and nothing is exported.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZFindAuditEventsInput } from '@/lib/schemas/audit';
import { getDb } from '@/lib/server/db/client';
import { findAuditEvents } from '@/lib/services/audit/find-audit-events';
import { getAuditEventOrThrow } from '@/lib/services/audit/get-audit-event';
import { actorFor } from '@/lib/testing/actors';
import { MCP_URL, tokenFor, type Era } from '@/lib/testing/mcp';
import { handleMcpRequest } from '@/mcp-server/http';
import { serveMcp } from '@/mcp-server/node-bridge';
import { activeTracer, flushTelemetry, shutdownTelemetry, startTelemetry } from './index';

interface OtlpAttr { key: string; value: { stringValue?: string; intValue?: string | number; boolValue?: boolean } }
interface OtlpSpan { traceId: string; spanId: string; parentSpanId?: string; name: string; kind: number; attributes: OtlpAttr[]; status?: { code?: number } }
const SERVER = 2;
const INTERNAL = 1;

/** A loopback OTLP/HTTP receiver (JSON encoding): every span of every export request it was sent. */
async function otlpReceiver() {
  const spans: OtlpSpan[] = [];
  const resources: OtlpAttr[][] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { resourceSpans: { resource: { attributes: OtlpAttr[] }; scopeSpans: { spans: OtlpSpan[] }[] }[] };
      for (const rs of body.resourceSpans) {
        resources.push(rs.resource.attributes);
        for (const ss of rs.scopeSpans) spans.push(...ss.spans);
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, spans, resources, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const attr = (s: OtlpSpan, key: string) => {
  const v = s.attributes.find((a) => a.key === key)?.value;
  return v?.stringValue ?? (v?.intValue !== undefined ? Number(v.intValue) : v?.boolValue);
};

/** A caller's span context, as a W3C traceparent (sampled). */
function callerContext() {
  const traceId = randomBytes(16).toString('hex');
  const spanId = randomBytes(8).toString('hex');
  return { traceId, spanId, traceparent: `00-${traceId}-${spanId}-01` };
}

async function client(token: string, era: Era, headers: Record<string, string> = {}): Promise<Client> {
  const c = new Client({ name: 'trace-test', version: '1.0.0' }, era === 'modern' ? { versionNegotiation: { mode: { pin: '2026-07-28' } } } : {});
  const fetch = (url: string | URL, init?: RequestInit) => handleMcpRequest(new Request(url, init));
  await c.connect(new StreamableHTTPClientTransport(new URL(MCP_URL), { fetch, requestInit: { headers: { authorization: `Bearer ${token}`, ...headers } } }));
  return c;
}

async function auditOf(requestId: string) {
  return (await getDb()).auditEvent.findFirstOrThrow({ where: { requestId, action: 'tool.called' } });
}

const OTEL_KEYS = ['OTEL_EXPORTER_OTLP_ENDPOINT', 'OTEL_EXPORTER_OTLP_PROTOCOL', 'OTEL_SERVICE_NAME', 'OTEL_SDK_DISABLED', 'OTEL_TRACES_EXPORTER'] as const;

describe('trace context with export off', () => {
  it('records the caller trace id in the audit event, and starts no tracer', async () => {
    expect(activeTracer()).toBeUndefined();
    const { token } = await tokenFor('acme');
    const caller = callerContext();
    const c = await client(token, 'legacy', { traceparent: caller.traceparent });
    const r = await c.callTool({ name: 'kb_search', arguments: { query: 'refund' } });
    expect(r.isError).toBe(false);
    const event = await auditOf((r._meta as { requestId: string }).requestId);
    expect(event.traceId).toBe(caller.traceId);
    // An auditor finds the calls of the trace by its id, and the detail shows it.
    const auditor = await actorFor('auditor@example.com');
    const found = await findAuditEvents({ actor: auditor, query: ZFindAuditEventsInput.parse({ q: caller.traceId.toUpperCase() }) });
    expect(found.items.map((e) => e.id)).toEqual([event.id]);
    expect((await getAuditEventOrThrow({ actor: auditor, id: event.id })).traceId).toBe(caller.traceId);
    // A call without a traceparent has no trace id (it is its own task); a malformed one is ignored.
    const plain = await (await client(token, 'legacy')).callTool({ name: 'kb_search', arguments: { query: 'refund' } });
    expect((await auditOf((plain._meta as { requestId: string }).requestId)).traceId).toBeNull();
    const bad = await (await client(token, 'legacy', { traceparent: `00-${'0'.repeat(32)}-${caller.spanId}-01` })).callTool({ name: 'kb_search', arguments: { query: 'refund' } });
    expect((await auditOf((bad._meta as { requestId: string }).requestId)).traceId).toBeNull();
  });
});

describe('trace context continued (OTLP export on)', () => {
  let receiver: Awaited<ReturnType<typeof otlpReceiver>>;
  const saved: Partial<Record<(typeof OTEL_KEYS)[number], string | undefined>> = {};

  beforeAll(async () => {
    receiver = await otlpReceiver();
    for (const k of OTEL_KEYS) saved[k] = process.env[k];
    delete process.env.OTEL_SDK_DISABLED;
    delete process.env.OTEL_TRACES_EXPORTER;
    delete process.env.OTEL_SERVICE_NAME;
    process.env.OTEL_EXPORTER_OTLP_ENDPOINT = receiver.url;
    process.env.OTEL_EXPORTER_OTLP_PROTOCOL = 'http/json';
    const cfg = await startTelemetry();
    expect(cfg.enabled).toBe(true);
  });

  afterAll(async () => {
    await shutdownTelemetry();
    for (const k of OTEL_KEYS) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
    await receiver.close();
  });

  /** The exported spans of one trace, after a deterministic flush. */
  async function spansOf(traceId: string): Promise<OtlpSpan[]> {
    await flushTelemetry();
    return receiver.spans.filter((s) => s.traceId === traceId);
  }

  it('2025-11-25: continues the traceparent header, with semconv names and attributes and a span per step', async () => {
    const { token } = await tokenFor('acme');
    const caller = callerContext();
    const c = await client(token, 'legacy', { traceparent: caller.traceparent, tracestate: 'vendor=abc' });
    const r = await c.callTool({ name: 'kb_search', arguments: { query: 'password reset' } });
    expect(r.isError).toBe(false);
    const requestId = (r._meta as { requestId: string }).requestId;

    const spans = await spansOf(caller.traceId);
    const call = spans.find((s) => s.name === 'tools/call kb_search');
    expect(call, `spans exported: ${spans.map((s) => s.name).join(', ')}`).toBeDefined();
    expect(call!.kind).toBe(SERVER);
    expect(call!.parentSpanId).toBe(caller.spanId);
    expect(attr(call!, 'mcp.method.name')).toBe('tools/call');
    expect(attr(call!, 'gen_ai.tool.name')).toBe('kb_search');
    expect(attr(call!, 'gen_ai.operation.name')).toBe('execute_tool');
    expect(attr(call!, 'mcp.protocol.version')).toBe('2025-11-25');
    expect(typeof attr(call!, 'jsonrpc.request.id')).toBe('string');
    expect(attr(call!, 'network.protocol.name')).toBe('http');
    expect(attr(call!, 'platform.request_id')).toBe(requestId);
    expect(attr(call!, 'platform.tenant')).toBe('acme');
    expect(attr(call!, 'http.response.status_code')).toBe(200);
    expect(attr(call!, 'error.type')).toBeUndefined();
    // The initialize handshake carried the same header: its requests are spans of the same trace.
    expect(spans.some((s) => s.name === 'initialize' && attr(s, 'mcp.method.name') === 'initialize')).toBe(true);

    // One INTERNAL child per pipeline step the call went through.
    const steps = spans.filter((s) => s.parentSpanId === call!.spanId);
    expect(steps.every((s) => s.kind === INTERNAL)).toBe(true);
    const names = steps.map((s) => s.name);
    for (const step of ['authenticate', 'resolve_access', 'validate_input', 'rate_limit', 'execute', 'check_output', 'audit']) {
      expect(names).toContain(`mcp.pipeline ${step}`);
    }

    // The audit event carries the (caller's) trace id.
    expect((await auditOf(requestId)).traceId).toBe(caller.traceId);

    // The service is named by default.
    expect(receiver.resources.some((attrs) => attrs.some((a) => a.key === 'service.name' && a.value.stringValue === 'mcp-tool-platform'))).toBe(true);
  });

  it('2026-07-28: params._meta.traceparent continues the caller trace and wins over the header', async () => {
    const { token } = await tokenFor('acme');
    const viaHeader = callerContext();
    const viaMeta = callerContext();
    const c = await client(token, 'modern', { traceparent: viaHeader.traceparent });
    const r = await c.callTool({ name: 'kb_search', arguments: { query: 'invoice' }, _meta: { traceparent: viaMeta.traceparent } });
    expect(r.isError).toBe(false);
    const requestId = (r._meta as { requestId: string }).requestId;

    const call = (await spansOf(viaMeta.traceId)).find((s) => s.name === 'tools/call kb_search');
    expect(call).toBeDefined();
    expect(call!.parentSpanId).toBe(viaMeta.spanId);
    expect(attr(call!, 'mcp.protocol.version')).toBe('2026-07-28');
    expect(attr(call!, 'platform.trace_parent_from')).toBe('params._meta');
    expect((await spansOf(viaHeader.traceId)).some((s) => s.name === 'tools/call kb_search')).toBe(false);
    expect((await auditOf(requestId)).traceId).toBe(viaMeta.traceId);
  });

  it('through the Node server bridge (production): network attributes, and the trace id in the answer audit', async () => {
    const { token } = await tokenFor('acme');
    const caller = callerContext();
    const server = http.createServer((req, res) => void serveMcp(req, res, 'http://localhost'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const res = await fetch(`http://127.0.0.1:${port}/mcp`, {
        method: 'POST',
        headers: { host: 'localhost', 'content-type': 'application/json', accept: 'application/json, text/event-stream', authorization: `Bearer ${token}`, 'mcp-protocol-version': '2025-11-25', traceparent: caller.traceparent },
        body: JSON.stringify({ jsonrpc: '2.0', id: 'call-7', method: 'tools/call', params: { name: 'kb_search', arguments: { query: 'refund' } } }),
      });
      expect(res.status).toBe(200);
      const requestId = res.headers.get('x-request-id')!;
      const call = (await spansOf(caller.traceId)).find((s) => s.name === 'tools/call kb_search');
      expect(call).toBeDefined();
      expect(call!.parentSpanId).toBe(caller.spanId);
      expect(attr(call!, 'jsonrpc.request.id')).toBe('call-7');
      expect(attr(call!, 'network.protocol.version')).toBe('1.1');
      expect(attr(call!, 'client.address')).toMatch(/127\.0\.0\.1/);
      expect(attr(call!, 'platform.request_id')).toBe(requestId);
      expect((await auditOf(requestId)).traceId).toBe(caller.traceId);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('a refused call is an error span (tool_error), and a call without a caller trace starts a new one', async () => {
    const { token } = await tokenFor('acme');
    const c = await client(token, 'legacy');
    const r = await c.callTool({ name: 'kb_search', arguments: { query: 'x', limit: 500 } });
    expect(r.isError).toBe(true);
    const audit = await auditOf((r._meta as { requestId: string }).requestId);
    expect(audit.traceId).toMatch(/^[0-9a-f]{32}$/);
    const call = (await spansOf(audit.traceId!)).find((s) => s.name === 'tools/call kb_search');
    expect(call).toBeDefined();
    expect(call!.parentSpanId ?? '').toBe('');
    expect(attr(call!, 'error.type')).toBe('tool_error');
    expect(attr(call!, 'platform.error_code')).toBe(audit.errorCode);
    expect(call!.status?.code).toBe(2); // ERROR

    const unknown = await c.callTool({ name: 'no_such_tool', arguments: {} }).catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(Error);
    await flushTelemetry();
    const refused = receiver.spans.find((s) => s.name === 'tools/call no_such_tool');
    expect(refused && attr(refused, 'error.type')).toBe('-32602');
    expect(refused && attr(refused, 'rpc.response.status_code')).toBe('-32602');
  });
});
