// The bare server of `npm run bench:mcp`: the official MCP SDK, stateless, serving kb_search with the same executor
// on the same database as the governed /mcp pipeline, and nothing else (no auth, limits, audit, redaction). It uses
// the governed server's shared JSON Schema validator, so the ratio the benchmark prints measures the pipeline only.
// Imported by scripts/bench-mcp.ts after DATABASE_URL points at the benchmark database.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { ZKbSearchInput } from '@/lib/schemas/builtin-tools';
import { sharedJsonSchemaValidator } from '@/mcp-server/server';
import { kbSearch } from '@/mcp-server/tools/kb-search';

export interface BareTenant {
  id: string;
  slug: string;
  name: string;
}

/** A fetch-style handler: one fresh SDK server + stateless JSON-response transport per request. */
export function bareHandler(db: PrismaClient, tenant: BareTenant): (req: Request) => Promise<Response> {
  return async (req) => {
    const server = new McpServer({ name: 'bare', version: '1.0.0' }, { jsonSchemaValidator: sharedJsonSchemaValidator });
    server.registerTool('kb_search', { description: 'kb', inputSchema: ZKbSearchInput.shape }, async (args, extra) => {
      const r = await kbSearch.execute(
        { db, tenant: { id: tenant.id, slug: tenant.slug, name: tenant.name }, policy: { egressAllowlist: [], dataScopes: [], piiRules: { email: true, phone: true, iban: true, card: true, nir: true, custom: [] } } as never, caller: { tokenId: 'bare', tokenName: 'bare', teamId: null, userId: null }, requestId: 'bare', signal: extra.signal, timeoutMs: 10_000, maxOutputBytes: 1 << 20, secret: async () => null },
        ZKbSearchInput.parse(args),
      );
      return { content: [{ type: 'text', text: JSON.stringify(r.output) }], structuredContent: r.output };
    });
    const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    await server.connect(transport);
    return transport.handleRequest(req);
  };
}
