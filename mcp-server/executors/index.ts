import 'server-only';
// The executor for a tool, chosen by its kind: built-ins run their code executor (mcp-server/tools/), upstream MCP
// tools are forwarded by our MCP client (./upstream-mcp.ts), declarative HTTP tools run their declaration
// (./http-declarative.ts). Every kind is adapted to the pipeline's ToolExecutor, so limits, approvals, redaction
// and audit apply the same way to all of them.
import { findTrustedPatterns } from '@/lib/services/trusted-hosts/find-trusted-patterns';
import { mcpConfig } from '@/mcp-server/config';
import { TtlCache } from '@/mcp-server/pipeline/ttl-cache';
import { executorFor } from '@/mcp-server/tools';
import type { ToolExecutor } from '@/mcp-server/tools/types';
import { httpDeclarativeExecutor } from './http-declarative';
import type { ExecutableTool, KindExecutor } from './types';
import { upstreamMcpExecutor } from './upstream-mcp';

const KIND_EXECUTORS: Record<Exclude<ExecutableTool['kind'], 'builtin'>, KindExecutor> = {
  upstream_mcp: upstreamMcpExecutor,
  http_declarative: httpDeclarativeExecutor,
};

export type ExecutorChoice = { ok: true; executor: ToolExecutor<Record<string, unknown>, unknown> } | { ok: false; message: string };

// The tenant's trusted internal hosts, read at most once per cache period (the bound within which portal changes apply).
let trusted: TtlCache<string, string[]> | null = null;
const trustedFor = (tenantId: string) => (trusted ??= new TtlCache(mcpConfig().policyCacheMs)).get(tenantId, () => findTrustedPatterns(tenantId));

export function executorForTool(tool: ExecutableTool): ExecutorChoice {
  if (tool.kind === 'builtin') {
    const builtin = executorFor(tool.slug);
    return builtin ? { ok: true, executor: builtin } : { ok: false, message: `${tool.slug} is a built-in tool this server version does not have.` };
  }
  if (tool.config.kind !== tool.kind) return { ok: false, message: `${tool.slug} has no valid ${tool.kind} configuration.` };
  const kind = KIND_EXECUTORS[tool.kind];
  return {
    ok: true,
    executor: {
      slug: tool.slug,
      effect: kind.effect(tool),
      execute: async (ctx, args) => {
        const egress = { allowlist: ctx.policy.egressAllowlist, trustedInternal: await trustedFor(ctx.tenant.id) };
        return kind.execute({ ...ctx, tool, egress }, args, ctx.signal);
      },
    },
  };
}

export type { EgressPolicy, ExecutableTool, ExecutorContext, KindExecutor } from './types';

/** The executor's view of a served tool (resolve-access.ts ServedTool), once its config has parsed. */
export function executableOf(t: {
  toolId: string; slug: string; kind: string; config: ExecutableTool['config'] | null; access: { version: number }; definitionHash: string;
  inputSchema: Record<string, unknown>; outputSchema: Record<string, unknown> | null; annotations: Record<string, unknown>; readOnly: boolean;
  record: { timeoutMs: number; maxOutputBytes: number };
}): ExecutableTool {
  return {
    id: t.toolId, slug: t.slug, kind: t.kind as ExecutableTool['kind'], config: t.config ?? { kind: 'builtin' }, version: t.access.version, definitionHash: t.definitionHash,
    inputSchema: t.inputSchema, outputSchema: t.outputSchema, annotations: t.annotations, timeoutMs: t.record.timeoutMs, maxOutputBytes: t.record.maxOutputBytes, readOnly: t.readOnly,
  };
}
