import 'server-only';
// Discovery: what an upstream server offers (tools, resources, prompts), read by our MCP client, with the round
// trip's latency. Resources and prompts are optional capabilities: a server without them lists none.
import type { Client } from '@modelcontextprotocol/client';
import type { RemoteTool } from '@/lib/services/upstreams/sync-upstream-tools';
import { withUpstreamClient, type UpstreamTarget } from './client';

export interface RemoteOffer {
  tools: RemoteTool[];
  resources: { uri: string; name: string; mimeType?: string }[];
  resourceTemplates: { uriTemplate: string; name: string; description?: string; mimeType?: string }[];
  prompts: { name: string; description?: string; arguments?: { name: string; description?: string; required?: boolean }[] }[];
  latencyMs: number;
}

const MAX_PAGES = 20;

async function allPages<T>(list: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor?: string }>): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < MAX_PAGES; i++) {
    const page = await list(cursor);
    out.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return out;
}

export async function discoverRemote(target: UpstreamTarget, signal?: AbortSignal): Promise<RemoteOffer> {
  const started = performance.now();
  return withUpstreamClient(target, signal, async (client: Client, s) => {
    const opts = { signal: s, timeout: target.timeoutMs };
    const caps = client.getServerCapabilities() ?? {};
    const tools = caps.tools ? await allPages(async (cursor) => {
      const r = await client.listTools(cursor ? { cursor } : undefined, opts);
      return { items: r.tools, nextCursor: r.nextCursor };
    }) : [];
    const resources = caps.resources ? await allPages(async (cursor) => {
      const r = await client.listResources(cursor ? { cursor } : undefined, opts);
      return { items: r.resources, nextCursor: r.nextCursor };
    }) : [];
    const templates = caps.resources ? await allPages(async (cursor) => {
      const r = await client.listResourceTemplates(cursor ? { cursor } : undefined, opts);
      return { items: r.resourceTemplates, nextCursor: r.nextCursor };
    }) : [];
    const prompts = caps.prompts ? await allPages(async (cursor) => {
      const r = await client.listPrompts(cursor ? { cursor } : undefined, opts);
      return { items: r.prompts, nextCursor: r.nextCursor };
    }) : [];
    return {
      tools: tools.map((t) => ({
        name: t.name, title: t.title, description: t.description, inputSchema: t.inputSchema as Record<string, unknown>,
        outputSchema: t.outputSchema as Record<string, unknown> | undefined, annotations: t.annotations as Record<string, unknown> | undefined,
      })),
      resources: resources.map((r) => ({ uri: r.uri, name: r.name, ...(r.mimeType ? { mimeType: r.mimeType } : {}) })),
      resourceTemplates: templates.map((t) => ({ uriTemplate: t.uriTemplate, name: t.name, ...(t.description ? { description: t.description } : {}), ...(t.mimeType ? { mimeType: t.mimeType } : {}) })),
      prompts: prompts.map((p) => ({
        name: p.name, ...(p.description ? { description: p.description } : {}),
        ...(p.arguments?.length ? { arguments: p.arguments.map((a) => ({ name: a.name, ...(a.description ? { description: a.description } : {}), ...(a.required ? { required: true } : {}) })) } : {}),
      })),
      latencyMs: Math.round(performance.now() - started),
    };
  });
}
