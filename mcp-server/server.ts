import 'server-only';
// The MCP server of one request (stateless: a new server per request, never shared — see http.ts). Low-level SDK
// Server so tools/list and tools/call answer per caller from the database, through the governed pipeline.
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv-provider.js';
import { CallToolRequestSchema, ErrorCode, ListToolsRequestSchema, McpError, SetLevelRequestSchema, type Tool } from '@modelcontextprotocol/sdk/types.js';
import { auditCall, AuditUnavailableError } from './pipeline/audit';
import { callTool, textResult, type CallContext } from './pipeline/call-tool';
import { listServedTools } from './pipeline/resolve-access';
import { fixtureFor, fixtureTools } from './fixtures';

export const SERVER_INFO = { name: 'mcp-tool-platform', title: 'Governed MCP tool platform', version: '0.1.0' };

const INSTRUCTIONS =
  'Tools of your organisation, governed: you see only the tools enabled for your tenant and token. Every call is ' +
  'audited; critical calls (payments, deletions, external sends) wait for a human approval. Each result carries a ' +
  'requestId in _meta that finds its audit record.';

function mapAuditFailure<T>(requestId: string, work: () => Promise<T>): Promise<T> {
  return work().catch((e: unknown) => {
    if (e instanceof AuditUnavailableError) {
      console.error(`[mcp] ${requestId}: audit unavailable`, e.cause);
      throw new McpError(ErrorCode.InternalError, e.message, { requestId });
    }
    throw e;
  });
}

/**
 * One JSON Schema validator for the process: it holds no request state (only compiled schemas), and building an
 * Ajv instance for every request was the largest single cost of a call. Servers and transports stay per request.
 */
export const sharedJsonSchemaValidator = new AjvJsonSchemaValidator();

export function createMcpServer(ctx: CallContext, opts: { fixtures: boolean }): Server {
  const server = new Server(SERVER_INFO, { capabilities: { tools: { listChanged: false }, logging: {} }, instructions: INSTRUCTIONS, jsonSchemaValidator: sharedJsonSchemaValidator });

  server.setRequestHandler(ListToolsRequestSchema, async () => {
    const served = await listServedTools(ctx.db, ctx.caller);
    const tools: Tool[] = served.map((t) => ({
      name: t.name, title: t.title, description: t.description,
      inputSchema: t.inputSchema as Tool['inputSchema'],
      ...(t.outputSchema ? { outputSchema: t.outputSchema as Tool['outputSchema'] } : {}),
      annotations: t.annotations,
    }));
    return { tools: opts.fixtures ? [...tools, ...fixtureTools()] : tools, _meta: { requestId: ctx.requestId } };
  });

  server.setRequestHandler(CallToolRequestSchema, (req, extra) =>
    mapAuditFailure(ctx.requestId, async () => {
      const token = req.params._meta?.progressToken;
      const progress = token === undefined ? undefined : async (p: number, message: string) => {
        await extra.sendNotification({ method: 'notifications/progress', params: { progressToken: token, progress: p, total: 100, message } });
      };
      const fixture = opts.fixtures ? fixtureFor(req.params.name) : undefined;
      if (fixture) {
        const result = await fixture.run(progress);
        await auditCall({ pool: ctx.pool }, ctx.caller, ctx.requestId, { toolSlug: req.params.name, outcome: result.isError ? 'error' : 'success', latencyMs: 0, details: { fixture: true } });
        return { ...result, _meta: { requestId: ctx.requestId } };
      }
      return callTool(ctx, req.params.name, req.params.arguments, extra.signal, progress);
    }),
  );

  // Logging level is accepted (this stateless server sends no log notifications).
  server.setRequestHandler(SetLevelRequestSchema, async () => ({}));
  return server;
}

export { textResult };
