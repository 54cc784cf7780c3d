import 'server-only';
// The per-tenant activation page: every tool with its tenant and team rules, the effective state (and why) for the
// whole tenant and for each team, kill switches, pins, limits with the current windows' usage, and token limits.
import { rateCounterKey, resolveToolAccess, type ToolAccess } from '@/lib/activation';
import { assertCan, type Actor } from '@/lib/policy';
import type { TActivationOverview, TEffectiveDto, TRuleDto, TToolRowDto } from '@/lib/schemas/activation-view';
import { getDb } from '@/lib/server/db/client';
import { loadAccessContext } from './load-access-context';
import { readUsage } from './shared';

export const effectiveDto = (a: ToolAccess): TEffectiveDto => ({ enabled: a.enabled, source: a.source, reason: a.reason, version: a.version });
export const ruleDto = (r: { enabled: boolean; rolloutPercent: number | null; reason: string; updatedAt: Date }): TRuleDto => ({
  enabled: r.enabled, rolloutPercent: r.rolloutPercent, reason: r.reason, updatedAt: r.updatedAt.toISOString(),
});

export async function getActivationOverview({ actor, tenantId }: { actor: Actor; tenantId: string }): Promise<TActivationOverview> {
  assertCan(actor, 'activation.read', { tenantId });
  const db = await getDb();
  const [ctx, teams, rules, toolRows, tokens] = await Promise.all([
    loadAccessContext({ tenantId, teamIds: [], userId: null, allRules: true }),
    db.team.findMany({ where: { tenantId }, orderBy: { name: 'asc' }, select: { id: true, slug: true, name: true, _count: { select: { members: true } } } }),
    db.toolActivation.findMany({ where: { tenantId }, select: { toolId: true, scope: true, teamId: true, enabled: true, rolloutPercent: true, reason: true, updatedAt: true } }),
    db.tool.findMany({ where: { lifecycle: { not: 'draft' } }, orderBy: { slug: 'asc' }, select: { id: true, title: true, riskLevel: true } }),
    db.agentToken.findMany({
      where: { tenantId },
      orderBy: [{ revokedAt: { sort: 'desc', nulls: 'first' } }, { createdAt: 'desc' }],
      take: 200,
      select: { id: true, name: true, prefix: true, requestsPerMinute: true, callsPerDay: true, revokedAt: true, expiresAt: true, team: { select: { name: true } } },
    }),
  ]);
  ctx.teams = teams.map((t) => ({ id: t.id, name: t.name }));
  const now = new Date();
  const usage = await readUsage(db, [
    ...toolRows.map((t) => ({ id: `tool:${t.id}`, minuteKey: rateCounterKey('tenant_tool', { tenantId, toolId: t.id }, 'minute'), dayKey: rateCounterKey('tenant_tool', { tenantId, toolId: t.id }, 'day') })),
    ...tokens.map((t) => ({ id: `token:${t.id}`, minuteKey: rateCounterKey('token', { tokenId: t.id }, 'minute'), dayKey: rateCounterKey('token', { tokenId: t.id }, 'day') })),
  ], now);
  const byId = new Map(ctx.tools.map((t) => [t.id, t]));
  const tools: TToolRowDto[] = toolRows.flatMap((row) => {
    const tool = byId.get(row.id);
    if (!tool) return [];
    const mine = rules.filter((r) => r.toolId === tool.id);
    const policy = ctx.policies.find((p) => p.toolId === tool.id);
    const tenantAccess = resolveToolAccess(ctx, { teamIds: [], userId: null }, tool);
    const tenantRule = mine.find((r) => r.scope === 'tenant');
    return [{
      id: tool.id, slug: tool.slug, title: row.title, lifecycle: tool.lifecycle, critical: tool.critical, riskLevel: row.riskLevel,
      servedVersion: tool.servedVersion, versions: [...tool.versions].sort((a, b) => a - b), killedGlobally: tool.killedGlobally, killedReason: tool.killedReason,
      killed: policy?.killed ?? false, killedTenantReason: policy?.killedReason ?? null, pinnedVersion: policy?.pinnedVersion ?? null,
      ownLimits: { requestsPerMinute: policy?.requestsPerMinute ?? null, callsPerDay: policy?.callsPerDay ?? null },
      limits: tenantAccess.limits.tenantTool,
      usage: usage.get(`tool:${tool.id}`) ?? { minute: 0, day: 0 },
      tenantRule: tenantRule ? ruleDto(tenantRule) : null,
      teamRules: Object.fromEntries(mine.filter((r) => r.scope === 'team' && r.teamId).map((r) => [r.teamId!, ruleDto(r)])),
      userRuleCount: mine.filter((r) => r.scope === 'user').length,
      effective: {
        tenant: effectiveDto(tenantAccess),
        teams: Object.fromEntries(teams.map((t) => [t.id, effectiveDto(resolveToolAccess(ctx, { teamIds: [t.id], userId: null }, tool))])),
      },
    }];
  });
  return {
    tenant: ctx.tenant,
    defaults: ctx.defaults,
    teams: teams.map((t) => ({ id: t.id, slug: t.slug, name: t.name, memberCount: t._count.members })),
    tools,
    tokens: tokens.map((t) => ({
      id: t.id, name: t.name, prefix: t.prefix, team: t.team?.name ?? null, requestsPerMinute: t.requestsPerMinute, callsPerDay: t.callsPerDay,
      usage: usage.get(`token:${t.id}`) ?? { minute: 0, day: 0 }, revoked: t.revokedAt !== null, expired: t.expiresAt !== null && t.expiresAt <= now,
    })),
  };
}
