// The bare server of `npm run bench:mcp`: the official MCP SDK (2.x), stateless, serving kb_search with the same
// executor on the same database as the governed /mcp pipeline, and nothing else (no auth, limits, audit, redaction).
// It uses the governed server's shared JSON Schema validator and is served the way /mcp serves each era (a 2025
// request: a fresh server and JSON-response transport per request; a 2026-07-28 request: the SDK's createMcpHandler),
// so the ratio the benchmark prints measures the pipeline only.
// Imported by scripts/bench-mcp.ts after DATABASE_URL points at the benchmark database.
import { createMcpHandler, isLegacyRequest, McpServer, WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/server';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { ZKbSearchInput } from '@/lib/schemas/builtin-tools';
import { ZPiiRules } from '@/lib/schemas/tenant-policy';
import { sharedJsonSchemaValidator } from '@/mcp-server/server';
import { kbSearch } from '@/mcp-server/tools/kb-search';

export interface BareTenant {
  id: string;
  slug: string;
  name: string;
}

/** A fetch-style handler: one fresh SDK server per request, whichever protocol era the request speaks. */
export function bareHandler(db: PrismaClient, tenant: BareTenant): (req: Request) => Promise<Response> {
  const piiRules = ZPiiRules.parse({}); // the defaults, read once (the bare server redacts nothing)
  const build = () => {
    const server = new McpServer({ name: 'bare', version: '1.0.0' }, { jsonSchemaValidator: sharedJsonSchemaValidator });
    server.registerTool('kb_search', { description: 'kb', inputSchema: ZKbSearchInput }, async (args, ctx) => {
      const r = await kbSearch.execute(
        { db, tenant: { id: tenant.id, slug: tenant.slug, name: tenant.name }, policy: { egressAllowlist: [], dataScopes: [], piiRules }, caller: { tokenId: 'bare', tokenName: 'bare', teamId: null, userId: null }, requestId: 'bare', signal: ctx.mcpReq.signal, timeoutMs: 10_000, maxOutputBytes: 1 << 20, secret: async () => null },
        args,
      );
      return { content: [{ type: 'text', text: JSON.stringify(r.output) }], structuredContent: r.output };
    });
    return server;
  };
  const modern = createMcpHandler(build, { legacy: 'reject', responseMode: 'auto' });
  return async (req) => {
    const body: unknown = await req.json();
    if (!(await isLegacyRequest(req, body))) return modern.fetch(req, { parsedBody: body });
    const server = build();
    const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    await server.connect(transport);
    const res = await transport.handleRequest(req, { parsedBody: body });
    void server.close();
    return res;
  };
}
