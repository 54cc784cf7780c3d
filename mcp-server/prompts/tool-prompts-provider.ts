import 'server-only';
// Usage prompts authored by tool owners (ToolPrompt), served for the tools enabled for the caller (the tools/list
// rule: activation, rollout, kill switches, pins, token scopes). Agents see them as `<tool>.<prompt>`.
import { renderPromptTemplate, storedPromptArguments } from '@/lib/schemas/prompts';
import type { CallContext } from '@/mcp-server/pipeline/call-tool';
import { listServedTools } from '@/mcp-server/pipeline/resolve-access';
import type { PromptProvider, ServedPrompt } from './types';

export const toolPromptProvider: PromptProvider = {
  id: 'tools',
  async list(ctx: CallContext): Promise<ServedPrompt[]> {
    const tools = await listServedTools(ctx.db, ctx.caller);
    if (tools.length === 0) return [];
    const slugOf = new Map(tools.map((t) => [t.access.toolId, t.slug]));
    const rows = await ctx.db.toolPrompt.findMany({
      where: { toolId: { in: [...slugOf.keys()] } },
      select: { id: true, toolId: true, name: true, title: true, description: true, arguments: true, template: true },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
    });
    return rows
      .map((r) => {
        const slug = slugOf.get(r.toolId)!;
        const args = storedPromptArguments(r.arguments);
        return {
          prompt: {
            name: `${slug}.${r.name}`, title: r.title, description: r.description,
            arguments: args.map((a) => ({ name: a.name, description: a.description || undefined, required: a.required })),
          },
          render: (values: Record<string, string>) => ({
            description: r.description,
            messages: [{ role: 'user' as const, content: { type: 'text' as const, text: renderPromptTemplate(r.template, values) } }],
          }),
          audit: { resourceType: 'tool_prompt', resourceId: r.id, toolSlug: slug, details: { prompt: `${slug}.${r.name}` } },
        } satisfies ServedPrompt;
      })
      .sort((a, b) => a.prompt.name.localeCompare(b.prompt.name));
  },
};
