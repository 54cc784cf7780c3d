import 'server-only';
// Upstream MCP tools: the call is forwarded by our MCP client (mcp-server/upstream/client.ts) to the registered
// server, as its remote tool name, with the upstream's own credential (never the agent's token), within the tool's
// time limit (the shorter of the tool's and the server's). The upstream's isError result becomes a tool refusal;
// its structured content (or its content blocks) is the output the pipeline validates, redacts and audits.
import { getUpstreamForCall, missingCredential } from '@/lib/services/upstreams/get-upstream-for-call';
import { mcpConfig } from '@/mcp-server/config';
import { TtlCache } from '@/mcp-server/pipeline/ttl-cache';
import { ToolRefusal } from '@/mcp-server/tools/types';
import { withUpstreamClient } from '@/mcp-server/upstream/client';
import type { KindExecutor } from './types';

let servers: TtlCache<string, Awaited<ReturnType<typeof getUpstreamForCall>>> | null = null;

export const upstreamMcpExecutor: KindExecutor = {
  kind: 'upstream_mcp',
  effect: (tool) => (tool.readOnly ? 'none' : 'external'),
  async execute(ctx, args, signal) {
    const { tool } = ctx;
    if (tool.config.kind !== 'upstream_mcp') throw new ToolRefusal('NOT_CONFIGURED', `${tool.slug} has no upstream configuration.`);
    const config = tool.config;
    if (config.quarantined) throw new ToolRefusal('NOT_CONFIGURED', `${tool.slug} is quarantined: its upstream changed its definition, which must be reviewed first.`);
    servers ??= new TtlCache(mcpConfig().policyCacheMs);
    const server = await servers.get(`${config.upstreamServerId}|${ctx.tenant.id}`, () => getUpstreamForCall(config.upstreamServerId, ctx.tenant.id));
    if (!server) throw new ToolRefusal('NOT_CONFIGURED', `${tool.slug}: its upstream server is not available to this tenant.`);
    const missing = missingCredential(server);
    if (missing) throw new ToolRefusal('NOT_CONFIGURED', `${tool.slug}: ${missing}`);
    const target = {
      url: server.url, label: server.namespace, timeoutMs: Math.min(tool.timeoutMs, server.timeoutMs), credential: server.credential,
      trustedInternal: ctx.egress.trustedInternal, maxBytes: Math.max(tool.maxOutputBytes * 4, 65_536),
    };
    const result = await withUpstreamClient(target, signal, (client, s) => client.callTool({ name: config.remoteName, arguments: args }, { signal: s, timeout: target.timeoutMs }));
    const text = (result.content ?? []).flatMap((c) => (c.type === 'text' ? [c.text] : [])).join('\n');
    if (result.isError) throw new ToolRefusal('UPSTREAM', `${tool.slug}: the upstream server answered with an error: ${text.slice(0, 1000) || '(no message)'}`);
    const output = result.structuredContent ?? { content: result.content ?? [] };
    return { output, effects: { resourcesTouched: [`upstream:${server.namespace}`, `upstream_tool:${config.remoteName}`] } };
  },
};
