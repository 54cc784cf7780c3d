// Integration-test fixture: a real upstream MCP server (the SDK's McpServer over Streamable HTTP, stateless, JSON
// answers) on a loopback port, whose tool definition a test can change (rug pull) and which can be told to hang.
// It records the Authorization header of each request so a test can prove our client sends the upstream's own
// credential, never the agent's token.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { McpServer, ResourceTemplate, WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/server';
import { z } from 'zod';

export interface UpstreamStub {
  url: string;
  port: number;
  /** The description served for `lookup_contact` (change it to simulate a changed definition). */
  state: { description: string; hang: boolean; extraField: boolean };
  authorizations: (string | null)[];
  close(): Promise<void>;
}

function build(state: UpstreamStub['state']): McpServer {
  const server = new McpServer({ name: 'crm-stub', version: '1.0.0' }, { capabilities: { tools: {}, resources: {}, prompts: {} } });
  server.registerTool(
    'lookup_contact',
    {
      title: 'Look up a contact',
      description: state.description,
      inputSchema: z.object({ email: z.email().describe('Contact email'), ...(state.extraField ? { region: z.string().optional() } : {}) }),
      outputSchema: z.object({ name: z.string(), email: z.string(), tier: z.string() }),
      annotations: { readOnlyHint: true, openWorldHint: true },
    },
    async ({ email }) => {
      if (state.hang) await new Promise(() => undefined);
      const out = { name: `Contact ${email.split('@')[0]}`, email, tier: 'gold' };
      return { content: [{ type: 'text', text: JSON.stringify(out) }], structuredContent: out };
    },
  );
  server.registerResource('price-list', 'crm://price-list', { mimeType: 'text/plain', description: 'Current price list' }, async (uri) => ({ contents: [{ uri: uri.href, text: 'gold: 10' }] }));
  server.registerResource('account', new ResourceTemplate('crm://accounts/{id}', { list: undefined }), { mimeType: 'application/json', description: 'One account' },
    async (uri, { id }) => ({ contents: [{ uri: uri.href, text: JSON.stringify({ id, tier: 'gold' }) }] }));
  server.registerPrompt('summarise_contact', { description: 'Summarise a contact' }, async () => ({ messages: [{ role: 'user', content: { type: 'text', text: 'Summarise.' } }] }));
  return server;
}

/** `host`: another loopback address (e.g. 127.84.0.1) lets a test trust exactly its stub, not all of 127.0.0.0/8. */
export async function startUpstreamStub(initial: Partial<UpstreamStub['state']> = {}, { host = '127.0.0.1' }: { host?: string } = {}): Promise<UpstreamStub> {
  const state = { description: 'Find a CRM contact by email', hang: false, extraField: false, ...initial };
  const authorizations: (string | null)[] = [];
  const httpServer = http.createServer(async (req, res) => {
    try {
      authorizations.push(req.headers.authorization ?? null);
      const chunks: Buffer[] = [];
      for await (const c of req as AsyncIterable<Buffer>) chunks.push(c);
      const headers = new Headers();
      for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
      const body = chunks.length ? Buffer.concat(chunks) : undefined;
      const request = new Request(`http://127.0.0.1${req.url ?? '/mcp'}`, { method: req.method, headers, body: req.method === 'GET' || req.method === 'HEAD' ? undefined : body });
      const server = build(state);
      const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
      await server.connect(transport);
      const response = await transport.handleRequest(request);
      res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
      res.end(Buffer.from(await response.arrayBuffer()));
      void server.close();
    } catch (e) {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(e));
    }
  });
  await new Promise<void>((resolve) => httpServer.listen(0, host, resolve));
  const port = (httpServer.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}/mcp`, port, state, authorizations,
    close: () => new Promise<void>((resolve) => {
      httpServer.closeAllConnections();
      httpServer.close(() => resolve());
    }),
  };
}
