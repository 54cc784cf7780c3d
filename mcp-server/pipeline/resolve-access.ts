import 'server-only';
// Step 2: what the caller may use, read fresh from the database on every request (no cache: a change in the portal
// applies on the next request on every replica). Activation (tenant/team/user, rollout, kill switches, pins) and the
// token's scopes are resolved by lib/activation.ts; here we load the inputs and the served definitions.
import { enabledTools, resolveToolAccess, type AccessCaller, type ToolAccess } from '@/lib/activation';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { ZPiiRules, type TPiiRules } from '@/lib/schemas/tenant-policy';
import { parseToolConfig, type TToolConfig } from '@/lib/schemas/tool-config';
import { loadAccessContext } from '@/lib/services/activation/load-access-context';
import { mcpConfig } from '@/mcp-server/config';
import type { McpCaller } from './authenticate';
import { TtlCache } from './ttl-cache';

// Per-process caches, bounded in time (MCP_POLICY_CACHE_MS, at most 2 s): the tool record (limits, audit level,
// criticality) can change, so definitions expire as fast as activations.
let snapshots: TtlCache<string, { ctx: Awaited<ReturnType<typeof loadAccessContext>>; policy: TenantRuntimePolicy }> | null = null;
let versionDefinitions: TtlCache<string, Definition | null> | null = null;

/** What a caller's requests need from the database, read at most once per cache period per process. */
function snapshot(db: PrismaClient, caller: McpCaller) {
  snapshots ??= new TtlCache(mcpConfig().policyCacheMs);
  const key = `${caller.tenant.id}|${[...caller.teamIds].sort().join(',')}|${caller.userId ?? ''}`;
  return snapshots.get(key, async () => {
    const [ctx, policy] = await Promise.all([
      loadAccessContext({ tenantId: caller.tenant.id, teamIds: caller.teamIds, userId: caller.userId }),
      loadTenantPolicyFresh(db, caller.tenant.id),
    ]);
    return { ctx, policy };
  });
}

export interface ServedTool {
  access: ToolAccess;
  slug: string;
  kind: string;
  name: string;
  title: string;
  description: string;
  inputSchema: Record<string, unknown>;
  outputSchema: Record<string, unknown> | null;
  annotations: Record<string, unknown>;
  record: { timeoutMs: number; maxInputBytes: number; maxOutputBytes: number; auditLevel: string; critical: boolean; riskLevel: string };
  /** The tool's id, the served version's hash (compiled validators are cached by it) and its typed kind config. */
  toolId: string;
  definitionHash: string;
  readOnly: boolean;
  config: TToolConfig | null;
  /** Why the config does not parse (the tool is then refused, never run with a guessed config). */
  configError?: string;
  /** An upstream tool of a tenant's own upstream server: only that tenant sees it. */
  upstreamTenantId: string | null;
}

/** A tool version as served, before the caller's access is attached. */
type Definition = Omit<ServedTool, 'access'>;

export interface TenantRuntimePolicy {
  egressAllowlist: string[];
  dataScopes: string[];
  piiRules: TPiiRules;
}

export function accessCaller(caller: McpCaller): AccessCaller {
  return { teamIds: caller.teamIds, userId: caller.userId, scopes: caller.scopes, token: caller.limits };
}

export async function loadTenantPolicyFresh(db: PrismaClient, tenantId: string): Promise<TenantRuntimePolicy> {
  const p = await db.tenantPolicy.findUnique({ where: { tenantId }, select: { egressAllowlist: true, dataScopes: true, piiRules: true } });
  const rules = ZPiiRules.safeParse(p?.piiRules ?? {});
  // A corrupt rule set fails closed: every built-in detector on.
  return { egressAllowlist: p?.egressAllowlist ?? [], dataScopes: p?.dataScopes ?? [], piiRules: rules.success ? rules.data : ZPiiRules.parse({}) };
}

/** A tool version as served (cached as such: shaped once per cache period, not per call). */
async function loadDefinition(db: PrismaClient, toolId: string, version: number): Promise<Definition | null> {
  const v = await db.toolVersion.findUnique({
    where: { toolId_version: { toolId, version } },
    select: {
      toolId: true, name: true, description: true, inputSchema: true, outputSchema: true, annotations: true, definitionHash: true,
      tool: { select: { slug: true, kind: true, title: true, timeoutMs: true, maxInputBytes: true, maxOutputBytes: true, auditLevel: true, critical: true, riskLevel: true, readOnly: true, config: true, upstreamServer: { select: { tenantId: true } } } },
    },
  });
  if (!v) return null;
  const { tool } = v;
  const config = parseToolConfig(tool.kind, tool.config);
  return {
    toolId: v.toolId, definitionHash: v.definitionHash, readOnly: tool.readOnly,
    config: config.ok ? config.config : null, ...(config.ok ? {} : { configError: config.message }), upstreamTenantId: tool.upstreamServer?.tenantId ?? null,
    slug: tool.slug, kind: tool.kind, name: v.name, title: tool.title, description: v.description,
    inputSchema: v.inputSchema as Record<string, unknown>, outputSchema: (v.outputSchema as Record<string, unknown> | null) ?? null,
    annotations: v.annotations as Record<string, unknown>,
    record: { timeoutMs: tool.timeoutMs, maxInputBytes: tool.maxInputBytes, maxOutputBytes: tool.maxOutputBytes, auditLevel: tool.auditLevel, critical: tool.critical, riskLevel: tool.riskLevel },
  };
}

async function definitions(db: PrismaClient, accesses: ToolAccess[], tenantId: string): Promise<ServedTool[]> {
  const cache = (versionDefinitions ??= new TtlCache(mcpConfig().policyCacheMs));
  const versions = await Promise.all(accesses.map((a) => cache.get(`${a.toolId}:${a.version}`, () => loadDefinition(db, a.toolId, a.version))));
  return accesses.flatMap((access, i) => {
    const d = versions[i];
    // A quarantined upstream tool (its upstream changed its definition) is neither listed nor callable.
    return d && !(d.config?.kind === 'upstream_mcp' && d.config.quarantined) && (d.upstreamTenantId === null || d.upstreamTenantId === tenantId) ? [{ ...d, access }] : [];
  });
}

/** Every tool the caller may list (tools/list). */
export async function listServedTools(db: PrismaClient, caller: McpCaller): Promise<ServedTool[]> {
  const { ctx } = await snapshot(db, caller);
  return definitions(db, enabledTools(ctx, accessCaller(caller)), caller.tenant.id);
}

export type Resolution = { tool: ServedTool } | { denied: string };

/**
 * The one tool a tools/call names, or the reason it is not callable (kept for the audit; the caller sees "unknown
 * tool"), with the tenant's runtime policy (egress, data scopes, PII rules): one snapshot read for both.
 */
export async function resolveCall(db: PrismaClient, caller: McpCaller, name: string): Promise<{ resolved: Resolution; policy: TenantRuntimePolicy }> {
  const { ctx, policy } = await snapshot(db, caller);
  const entry = ctx.tools.find((t) => t.slug === name);
  if (!entry) return { resolved: { denied: 'no such tool' }, policy };
  const access = resolveToolAccess(ctx, accessCaller(caller), entry);
  if (!access.enabled) return { resolved: { denied: `${access.source}: ${access.reason}` }, policy };
  const [tool] = await definitions(db, [access], caller.tenant.id);
  return { resolved: tool ? { tool } : { denied: `version ${access.version} has no definition` }, policy };
}
