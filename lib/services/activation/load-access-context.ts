import 'server-only';
// Loads what resolveAccess() needs for one caller, fresh on every call (no cache): a change made in the portal
// applies on the very next /mcp request on every replica. Two queries, run concurrently.
import type { AccessContext } from '@/lib/activation';
import { AppError } from '@/lib/errors';
import { getDb } from '@/lib/server/db/client';

const SERVABLE_VERSION_STATUSES = ['approved', 'superseded'] as const;

export interface AccessContextInput {
  tenantId: string;
  /** The caller's teams (a token's team); empty: tenant rules only. */
  teamIds: string[];
  /** The user whose rights the caller carries; null: no user rules, not in a rollout share. */
  userId: string | null;
  /** Load every team and user rule of the tenant (the admin pages); default: only the caller's. */
  allRules?: boolean;
}

export async function loadAccessContext(input: AccessContextInput): Promise<AccessContext> {
  const db = await getDb();
  const ruleFilter = input.allRules
    ? {}
    : { OR: [{ scope: 'tenant' as const }, { scope: 'team' as const, teamId: { in: input.teamIds } }, ...(input.userId ? [{ scope: 'user' as const, userId: input.userId }] : [])] };
  const [tenant, tools] = await Promise.all([
    db.tenant.findUnique({
      where: { id: input.tenantId },
      select: {
        id: true, slug: true, name: true,
        policy: { select: { defaultRequestsPerMinute: true, defaultCallsPerDay: true } },
        toolPolicies: true,
        activations: { where: ruleFilter, include: { team: { select: { id: true, name: true } }, user: { select: { id: true, email: true } } } },
      },
    }),
    db.tool.findMany({
      select: {
        id: true, slug: true, category: true, lifecycle: true, critical: true, killedGlobally: true, killedReason: true, servedVersion: true,
        versions: { where: { status: { in: [...SERVABLE_VERSION_STATUSES] } }, select: { version: true } },
      },
    }),
  ]);
  if (!tenant) throw new AppError('NOT_FOUND', { userMessage: 'Tenant not found.' });
  const teams = new Map<string, string>();
  const users = new Map<string, string>();
  for (const a of tenant.activations) {
    if (a.team) teams.set(a.team.id, a.team.name);
    if (a.user) users.set(a.user.id, a.user.email);
  }
  return {
    tenant: { id: tenant.id, slug: tenant.slug, name: tenant.name },
    defaults: { requestsPerMinute: tenant.policy?.defaultRequestsPerMinute ?? 120, callsPerDay: tenant.policy?.defaultCallsPerDay ?? 10_000 },
    tools: tools.map((t) => ({ ...t, versions: t.versions.map((v) => v.version) })),
    activations: tenant.activations.map((a) => ({
      toolId: a.toolId, scope: a.scope, teamId: a.teamId, userId: a.userId, enabled: a.enabled, rolloutPercent: a.rolloutPercent, reason: a.reason,
    })),
    policies: tenant.toolPolicies.map((p) => ({
      toolId: p.toolId, killed: p.killed, killedReason: p.killedReason, pinnedVersion: p.pinnedVersion, requestsPerMinute: p.requestsPerMinute,
      callsPerDay: p.callsPerDay, approvalMode: p.approvalMode, approvalCondition: p.approvalCondition, approvalsRequired: p.approvalsRequired, approvalTtlMinutes: p.approvalTtlMinutes,
    })),
    teams: [...teams].map(([id, name]) => ({ id, name })),
    users: [...users].map(([id, label]) => ({ id, label })),
  };
}
