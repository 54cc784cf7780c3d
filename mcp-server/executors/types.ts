// The executor contract by tool kind. The pipeline (mcp-server/pipeline/call-tool.ts) has authenticated the caller,
// resolved activation and scopes, validated the arguments against the served ToolVersion's JSON Schema, applied
// limits and the approval gate; a kind executor only does the work for one tool record, honouring `signal`
// (aborted at the tool's timeout or when the client goes away). Built-ins keep their own executors
// (mcp-server/tools/); `executorForTool` (./index.ts) adapts any kind to the pipeline's ToolExecutor.
import type { ToolKind } from '@/lib/generated/prisma/enums';
import type { TToolConfig } from '@/lib/schemas/tool-config';
import type { ToolContext, ToolEffectKind, ToolResult } from '@/mcp-server/tools/types';

/** The tool record and the version being served to this caller, as an executor needs them. */
export interface ExecutableTool {
  id: string;
  slug: string;
  kind: ToolKind;
  /** Typed kind-specific configuration (lib/schemas/tool-config.ts), already parsed. */
  config: TToolConfig;
  /** The served ToolVersion. */
  version: number;
  definitionHash: string;
  inputSchema: Record<string, unknown>;
  outputSchema: Record<string, unknown> | null;
  annotations: Record<string, unknown>;
  timeoutMs: number;
  maxOutputBytes: number;
  readOnly: boolean;
}

/**
 * Where an executor may send requests for this tenant. `trustedInternal` (exact hosts or CIDRs kept by platform
 * admins, lib/services/trusted-hosts) are the only private destinations reachable, and only by upstream and
 * declarative HTTP tools: pass it to the SSRF guard as `trustedInternal`; http_fetch never does.
 */
export interface EgressPolicy {
  allowlist: readonly string[];
  trustedInternal: readonly string[];
}

export interface ExecutorContext extends ToolContext {
  tool: ExecutableTool;
  egress: EgressPolicy;
}

export interface KindExecutor {
  kind: ToolKind;
  /** How the pipeline records the call (see ToolEffectKind): read-only tools 'none', others 'external'. */
  effect(tool: ExecutableTool): ToolEffectKind;
  /** Throws ToolRefusal for anything the agent should read as a tool error (UPSTREAM, TIMEOUT, EGRESS_DENIED…). */
  execute(ctx: ExecutorContext, args: Record<string, unknown>, signal: AbortSignal): Promise<ToolResult<unknown>>;
}
