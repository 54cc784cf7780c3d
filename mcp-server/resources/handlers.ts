import 'server-only';
import type { Server } from '@modelcontextprotocol/server';
import type { CallContext } from '@/mcp-server/pipeline/call-tool';
import { listResources, listResourceTemplates, readResource } from './registry';
import type { ResourceProvider } from './types';

/** resources/* on one request's server. No subscriptions: a stateless server has no channel to send updates on. */
export function registerResourceHandlers(server: Server, ctx: CallContext, providers: ResourceProvider[]): void {
  server.setRequestHandler('resources/list', async (req) => ({ ...(await listResources(ctx, providers, req.params?.cursor)), _meta: { requestId: ctx.requestId } }));
  server.setRequestHandler('resources/templates/list', async () => ({ ...(await listResourceTemplates(ctx, providers)), _meta: { requestId: ctx.requestId } }));
  server.setRequestHandler('resources/read', async (req) => ({ ...(await readResource(ctx, providers, req.params.uri)), _meta: { requestId: ctx.requestId } }));
}
