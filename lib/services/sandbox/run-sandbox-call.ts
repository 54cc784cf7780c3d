import 'server-only';
// "Try it" on a tool page: the call goes through the real MCP client (the official SDK) to this server's /mcp, with
// a short-lived token of the user's own (their rights, this one tool, minutes, revoked right after), so everything an
// agent would meet applies: activation, scopes, limits, approvals, redaction, audit (marked sandbox). The raw
// JSON-RPC exchanges and the latency are returned. Critical tools are never executed here: the arguments are
// validated and the request that would be sent is shown (a dry run, audited as such).
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { AppError } from '@/lib/errors';
import { assertCan, type Actor } from '@/lib/policy';
import { httpToolConfigSchema } from '@/lib/schemas/http-tool';
import type { SandboxExchange, SandboxResult, TSandboxCallInput } from '@/lib/schemas/sandbox';
import { writeAudit } from '@/lib/server/audit';
import { getDb } from '@/lib/server/db/client';
import { newRequestId } from '@/lib/server/ids';
import { mintSandboxToken, revokeSandboxToken } from '@/lib/services/agent-tokens/sandbox-token';
import { toolAccessFor } from '@/lib/services/catalogue/shared';
import { authHeader, buildHttpRequest, HttpToolInputError, MASK } from '@/lib/services/http-tools/build-request';
import { jsonSchemaValueErrors } from '@/lib/services/http-tools/check-json-schema';

export type SandboxFetch = (url: string | URL, init?: RequestInit) => Promise<Response>;

async function parseBody(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return null;
  if ((res.headers.get('content-type') ?? '').includes('text/event-stream')) {
    return text.split('\n').filter((l) => l.startsWith('data:')).map((l) => { try { return JSON.parse(l.slice(5)) as unknown; } catch { return l.slice(5); } });
  }
  try { return JSON.parse(text) as unknown; } catch { return text; }
}

/** A fetch that records each exchange (the Authorization header is never recorded). */
function recordingFetch(inner: SandboxFetch, log: SandboxExchange[]): SandboxFetch {
  return async (url, init) => {
    const res = await inner(url, init);
    const copy = res.clone();
    let request: unknown = null;
    if (typeof init?.body === 'string') { try { request = JSON.parse(init.body) as unknown; } catch { request = init.body; } }
    log.push({ request, response: await parseBody(copy), httpStatus: res.status });
    return res;
  };
}

export async function runSandboxCall({ actor, slug, arguments: args, mcpUrl, fetch = globalThis.fetch }: TSandboxCallInput & { actor: Actor; mcpUrl: URL; fetch?: SandboxFetch }): Promise<SandboxResult> {
  assertCan(actor, 'tool.sandbox');
  const db = await getDb();
  const tool = await db.tool.findUnique({ where: { slug }, select: { id: true, slug: true, kind: true, critical: true, config: true } });
  const access = tool ? await toolAccessFor(actor, tool.id) : null;
  // Unknown, and not enabled for this user, read alike to someone who cannot use it.
  if (!tool || !access?.enabled) throw new AppError('NOT_FOUND', { userMessage: `${slug} is not a tool you can use: it must be enabled for you in your tenant.` });
  const version = await db.toolVersion.findUnique({ where: { toolId_version: { toolId: tool.id, version: access.version } }, select: { inputSchema: true } });
  const errors = jsonSchemaValueErrors((version?.inputSchema ?? {}) as Record<string, unknown>, args);
  if (errors.length) return { kind: 'invalid', errors };
  const rpc = { jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: tool.slug, arguments: args } };

  if (tool.critical) {
    let httpRequest = null;
    let httpRequestError = null;
    const cfg = tool.kind === 'http_declarative' ? httpToolConfigSchema.safeParse(tool.config) : null;
    if (cfg?.success) {
      try { httpRequest = buildHttpRequest(cfg.data, args, authHeader(cfg.data.auth, MASK)); } catch (e) { httpRequestError = e instanceof HttpToolInputError ? e.message : 'The arguments do not form a valid URL.'; }
    }
    await writeAudit(db, actor, {
      requestId: newRequestId(), tenantId: actor.tenantId, action: 'tool.sandbox_dry_run', resourceType: 'tool', resourceId: tool.id, toolSlug: tool.slug, toolVersion: access.version,
      details: { sandbox: true, dryRun: true, argumentNames: Object.keys(args) },
    });
    return { kind: 'dry_run', reason: 'This tool is critical: the sandbox validates the call and shows what would be sent, but never executes it.', request: rpc, httpRequest, httpRequestError };
  }

  const { token, tokenId } = await mintSandboxToken(actor, tool.slug);
  const exchanges: SandboxExchange[] = [];
  const client = new Client({ name: 'portal-sandbox', version: '1.0.0' });
  try {
    const transport = new StreamableHTTPClientTransport(mcpUrl, { fetch: recordingFetch(fetch, exchanges), requestInit: { headers: { authorization: `Bearer ${token}` } } });
    await client.connect(transport);
    const started = performance.now();
    const result = await client.callTool({ name: tool.slug, arguments: args });
    const latencyMs = Math.round(performance.now() - started);
    return { kind: 'called', latencyMs, isError: result.isError === true, result, exchanges };
  } catch (e) {
    throw new AppError('UPSTREAM', { userMessage: `The sandbox could not reach /mcp: ${e instanceof Error ? e.message.slice(0, 300) : 'unknown error'}.` });
  } finally {
    await client.close().catch(() => undefined);
    await revokeSandboxToken(actor, tokenId);
  }
}
