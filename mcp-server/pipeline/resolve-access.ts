import 'server-only';
// Step 2: what the caller may use, read fresh from the database on every request (no cache: a change in the portal
// applies on the next request on every replica). Activation (tenant/team/user, rollout, kill switches, pins) and the
// token's scopes are resolved by lib/activation.ts; here we load the inputs and the served definitions.
import { enabledTools, resolveToolAccess, type AccessCaller, type ToolAccess } from '@/lib/activation';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { ZPiiRules, type TPiiRules } from '@/lib/schemas/tenant-policy';
import { loadAccessContext } from '@/lib/services/activation/load-access-context';
import type { McpCaller } from './authenticate';

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
}

export interface TenantRuntimePolicy {
  egressAllowlist: string[];
  dataScopes: string[];
  piiRules: TPiiRules;
}

function accessCaller(caller: McpCaller): AccessCaller {
  return { teamIds: caller.teamIds, userId: caller.userId, scopes: caller.scopes, token: caller.limits };
}

export async function loadTenantPolicy(db: PrismaClient, tenantId: string): Promise<TenantRuntimePolicy> {
  const p = await db.tenantPolicy.findUnique({ where: { tenantId }, select: { egressAllowlist: true, dataScopes: true, piiRules: true } });
  const rules = ZPiiRules.safeParse(p?.piiRules ?? {});
  // A corrupt rule set fails closed: every built-in detector on.
  return { egressAllowlist: p?.egressAllowlist ?? [], dataScopes: p?.dataScopes ?? [], piiRules: rules.success ? rules.data : ZPiiRules.parse({}) };
}

async function definitions(db: PrismaClient, accesses: ToolAccess[]): Promise<ServedTool[]> {
  if (accesses.length === 0) return [];
  const versions = await db.toolVersion.findMany({
    where: { OR: accesses.map((a) => ({ toolId: a.toolId, version: a.version })) },
    select: {
      toolId: true, name: true, description: true, inputSchema: true, outputSchema: true, annotations: true,
      tool: { select: { slug: true, kind: true, title: true, timeoutMs: true, maxInputBytes: true, maxOutputBytes: true, auditLevel: true, critical: true, riskLevel: true } },
    },
  });
  const byTool = new Map(versions.map((v) => [v.toolId, v]));
  return accesses.flatMap((a) => {
    const v = byTool.get(a.toolId);
    if (!v) return [];
    const { tool } = v;
    return [{
      access: a, slug: tool.slug, kind: tool.kind, name: v.name, title: tool.title, description: v.description,
      inputSchema: v.inputSchema as Record<string, unknown>, outputSchema: (v.outputSchema as Record<string, unknown> | null) ?? null,
      annotations: v.annotations as Record<string, unknown>,
      record: { timeoutMs: tool.timeoutMs, maxInputBytes: tool.maxInputBytes, maxOutputBytes: tool.maxOutputBytes, auditLevel: tool.auditLevel, critical: tool.critical, riskLevel: tool.riskLevel },
    }];
  });
}

/** Every tool the caller may list (tools/list). */
export async function listServedTools(db: PrismaClient, caller: McpCaller): Promise<ServedTool[]> {
  const ctx = await loadAccessContext({ tenantId: caller.tenant.id, teamIds: caller.teamIds, userId: caller.userId });
  return definitions(db, enabledTools(ctx, accessCaller(caller)));
}

/** The one tool a tools/call names, or the reason it is not callable (kept for the audit; the caller sees "unknown tool"). */
export async function resolveServedTool(db: PrismaClient, caller: McpCaller, name: string): Promise<{ tool: ServedTool } | { denied: string }> {
  const ctx = await loadAccessContext({ tenantId: caller.tenant.id, teamIds: caller.teamIds, userId: caller.userId });
  const entry = ctx.tools.find((t) => t.slug === name);
  if (!entry) return { denied: 'no such tool' };
  const access = resolveToolAccess(ctx, accessCaller(caller), entry);
  if (!access.enabled) return { denied: `${access.source}: ${access.reason}` };
  const [tool] = await definitions(db, [access]);
  return tool ? { tool } : { denied: `version ${access.version} has no definition` };
}
