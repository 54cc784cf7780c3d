import 'server-only';
// The MCP server of one request (stateless: a new server per request, never shared — see http.ts). Low-level SDK
// Server (v2, @modelcontextprotocol/server) so tools/list and tools/call answer per caller from the database,
// through the governed pipeline. The same factory serves both protocol eras: 2026-07-28 ("modern", per-request
// envelope, no handshake) and the 2025 revisions ("legacy", initialize handshake).
import { ProtocolError, ProtocolErrorCode, Server, type Tool } from '@modelcontextprotocol/server';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/server/validators/ajv';
import { auditCall, AuditUnavailableError } from './pipeline/audit';
import { callTool, textResult, type CallContext } from './pipeline/call-tool';
import { listServedTools } from './pipeline/resolve-access';
import { APPROVAL_STATUS_TOOL_NAME, approvalStatusTool, callApprovalStatus, offersApprovalStatus } from './approvals/approval-status-tool';
import { fixtureFor, fixtureTools } from './fixtures';
import { callToolAsTask, taskExecutionOf, taskNotSupported, taskRequestOf } from './tasks/task-call';
import { registerTaskHandlers } from './tasks/task-handlers';
import { TASKS_EXTENSION } from './tasks/task-view';
import { registerCompletionHandler } from './completion/handlers';
import { registerPromptHandlers } from './prompts/handlers';
import { promptProviders } from './prompts/registry';
import { registerResourceHandlers } from './resources/handlers';
import { resourceProviders } from './resources/registry';

export const SERVER_INFO = { name: 'mcp-tool-platform', title: 'Governed MCP tool platform', version: '0.2.0' };

export type ProtocolEra = 'legacy' | 'modern';

const INSTRUCTIONS =
  'Tools of your organisation, governed: you see only the tools enabled for your tenant and token. Every call is ' +
  'audited; critical calls (payments, deletions, external sends) wait for a human approval. Each result carries a ' +
  'requestId in _meta that finds its audit record.';

/**
 * What a tools/call may answer when it fails: protocol errors as they are, an unwritable audit as such, and anything
 * else as a generic internal error with the request id (logged here), never the ORM's or driver's message.
 */
function mapFailure<T>(requestId: string, work: () => Promise<T>): Promise<T> {
  return work().catch((e: unknown) => {
    if (e instanceof ProtocolError) throw e;
    if (e instanceof AuditUnavailableError) {
      console.error(`[mcp] ${requestId}: audit unavailable`, e.cause);
      throw new ProtocolError(ProtocolErrorCode.InternalError, e.message, { requestId });
    }
    console.error(`[mcp] ${requestId}: tools/call failed`, e);
    throw new ProtocolError(ProtocolErrorCode.InternalError, `Internal error: the call could not be completed (request ${requestId}); it is logged for the operators.`, { requestId });
  });
}

/**
 * One JSON Schema validator for the process: it holds no request state (only compiled schemas), and building one
 * per request was the largest single cost of a call. Servers and transports stay per request.
 */
export const sharedJsonSchemaValidator = new AjvJsonSchemaValidator();

export function createMcpServer(ctx: CallContext, opts: { fixtures: boolean; era: ProtocolEra }): Server {
  // logging/setLevel exists only in the 2025 revisions (2026-07-28 carries the level per request instead).
  // Held calls are MCP tasks: the 2025-11-25 `tasks` capability, or the 2026-07-28 tasks extension (mcp-server/tasks).
  // Resources (knowledge base), prompts (tools' usage prompts) and completions in both eras; no resource
  // subscriptions and no list_changed notifications (stateless: no channel to send them on).
  const content = { resources: { subscribe: false, listChanged: false }, prompts: { listChanged: false }, completions: {} };
  const capabilities = opts.era === 'legacy'
    ? { tools: { listChanged: false }, ...content, logging: {}, tasks: { list: {}, cancel: {}, requests: { tools: { call: {} } } } }
    : { tools: { listChanged: false }, ...content, extensions: { [TASKS_EXTENSION]: {} } };
  const server = new Server(SERVER_INFO, { capabilities, instructions: INSTRUCTIONS, jsonSchemaValidator: sharedJsonSchemaValidator });

  server.setRequestHandler('tools/list', async () => {
    const served = await listServedTools(ctx.db, ctx.caller);
    const tools: Tool[] = served.map((t) => ({
      name: t.name, title: t.title, description: t.description,
      inputSchema: t.inputSchema as Tool['inputSchema'],
      ...(t.outputSchema ? { outputSchema: t.outputSchema as Tool['outputSchema'] } : {}),
      annotations: t.annotations, ...taskExecutionOf(t.access.approval),
    }));
    if (offersApprovalStatus(served)) tools.push(approvalStatusTool());
    return { tools: opts.fixtures ? [...tools, ...fixtureTools()] : tools, _meta: { requestId: ctx.requestId } };
  });

  server.setRequestHandler('tools/call', (req, extra) =>
    mapFailure(ctx.requestId, async () => {
      const token = req.params._meta?.progressToken;
      const progress = token === undefined ? undefined : async (p: number, message: string) => {
        await extra.mcpReq.notify({ method: 'notifications/progress', params: { progressToken: token, progress: p, total: 100, message } });
      };
      const task = taskRequestOf(req.params, extra.mcpReq.envelope, opts.era);
      const fixture = opts.fixtures ? fixtureFor(req.params.name) : undefined;
      if (task && opts.era === 'legacy' && (fixture || req.params.name === APPROVAL_STATUS_TOOL_NAME)) throw taskNotSupported(req.params.name);
      if (fixture) {
        const envelope = extra.mcpReq.envelope as Record<string, unknown> | undefined;
        const result = await fixture.run({
          progress, log: (level, data) => extra.mcpReq.log(level, data),
          clientCapabilities: envelope?.['io.modelcontextprotocol/clientCapabilities'] as Record<string, unknown> | undefined,
        });
        await auditCall({ pool: ctx.pool }, ctx.caller, ctx.requestId, { toolSlug: req.params.name, outcome: 'isError' in result && result.isError ? 'error' : 'success', latencyMs: 0, details: { fixture: true } });
        return { ...result, _meta: { requestId: ctx.requestId } };
      }
      if (req.params.name === APPROVAL_STATUS_TOOL_NAME) return callApprovalStatus(ctx, req.params.arguments);
      const meta = req.params._meta as { idempotencyKey?: unknown } | undefined;
      const idempotencyKey = meta?.idempotencyKey === undefined ? undefined : String(meta.idempotencyKey);
      if (task) return callToolAsTask(ctx, req.params.name, req.params.arguments, extra.mcpReq.signal, opts.era, task, idempotencyKey);
      return callTool(ctx, req.params.name, req.params.arguments, extra.mcpReq.signal, progress, { idempotencyKey });
    }),
  );

  // Logging level is accepted (this server sends no log notifications).
  if (opts.era === 'legacy') server.setRequestHandler('logging/setLevel', async () => ({}));
  registerTaskHandlers(server, ctx, opts.era);
  const providers = { resources: resourceProviders(opts), prompts: promptProviders(opts) };
  registerResourceHandlers(server, ctx, providers.resources);
  registerPromptHandlers(server, ctx, providers.prompts);
  registerCompletionHandler(server, ctx, providers);
  return server;
}

export { textResult };
