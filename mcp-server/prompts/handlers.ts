import 'server-only';
import type { Server } from '@modelcontextprotocol/server';
import type { CallContext } from '@/mcp-server/pipeline/call-tool';
import { getPrompt, listPrompts } from './registry';
import type { PromptProvider } from './types';

export function registerPromptHandlers(server: Server, ctx: CallContext, providers: PromptProvider[]): void {
  server.setRequestHandler('prompts/list', async (req) => ({ ...(await listPrompts(ctx, providers, req.params?.cursor)), _meta: { requestId: ctx.requestId } }));
  server.setRequestHandler('prompts/get', async (req) => ({ ...(await getPrompt(ctx, providers, req.params.name, req.params.arguments ?? {})), _meta: { requestId: ctx.requestId } }));
}
