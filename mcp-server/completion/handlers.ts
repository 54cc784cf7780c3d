import 'server-only';
// completion/complete for prompt arguments and resource template variables. Values come from the provider that owns
// the prompt or template, filtered to what the caller may use; an unknown or hidden reference is refused like an
// unknown one (-32602).
import { ProtocolError, ProtocolErrorCode, type CompleteResult, type Server } from '@modelcontextprotocol/server';
import type { CallContext } from '@/mcp-server/pipeline/call-tool';
import { completePromptArgument } from '@/mcp-server/prompts/registry';
import type { PromptProvider } from '@/mcp-server/prompts/types';
import { completeResourceTemplate } from '@/mcp-server/resources/registry';
import type { ResourceProvider } from '@/mcp-server/resources/types';

const MAX_VALUES = 100;

export function completionOf(values: string[]): CompleteResult['completion'] {
  return { values: values.slice(0, MAX_VALUES), total: values.length, hasMore: values.length > MAX_VALUES };
}

export function registerCompletionHandler(server: Server, ctx: CallContext, providers: { prompts: PromptProvider[]; resources: ResourceProvider[] }): void {
  server.setRequestHandler('completion/complete', async (req) => {
    const { ref, argument } = req.params;
    const context = req.params.context?.arguments ?? {};
    const values = ref.type === 'ref/prompt'
      ? await completePromptArgument(ctx, providers.prompts, ref.name, argument, context)
      : await completeResourceTemplate(ctx, providers.resources, ref.uri, argument, context);
    if (values === null) {
      const what = ref.type === 'ref/prompt' ? `prompt ${ref.name}` : `resource template ${ref.uri}`;
      throw new ProtocolError(ProtocolErrorCode.InvalidParams, `Unknown ${what}: nothing to complete.`);
    }
    return { completion: completionOf(values), _meta: { requestId: ctx.requestId } };
  });
}
