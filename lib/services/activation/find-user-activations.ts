import 'server-only';
// The users × tools part of the per-tenant page: a searchable, paginated list of the tenant's users with, for each
// tool, the user rule (if any) and the effective state for that user (their teams, rollout bucket) and why.
import { resolveToolAccess } from '@/lib/activation';
import type { Prisma } from '@/lib/generated/prisma/client';
import { assertCan, type Actor } from '@/lib/policy';
import { ZFindUserActivationsInput, type TFindUserActivationsInput, type TUserActivations } from '@/lib/schemas/activation-view';
import { parseInput } from '@/lib/server/boundary';
import { getDb } from '@/lib/server/db/client';
import { effectiveDto, ruleDto } from './get-activation-overview';
import { loadAccessContext } from './load-access-context';

export async function findUserActivations({ actor, ...raw }: TFindUserActivationsInput & { actor: Actor }): Promise<TUserActivations> {
  const input = parseInput(ZFindUserActivationsInput, raw);
  assertCan(actor, 'activation.read', { tenantId: input.tenantId });
  const db = await getDb();
  const where: Prisma.UserWhereInput = { tenantId: input.tenantId };
  if (input.q) where.OR = [{ email: { contains: input.q, mode: 'insensitive' } }, { name: { contains: input.q, mode: 'insensitive' } }];
  const [total, users, ctx, teams] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where, orderBy: { email: 'asc' }, skip: (input.page - 1) * input.pageSize, take: input.pageSize,
      select: { id: true, email: true, name: true, teams: { select: { teamId: true } } },
    }),
    loadAccessContext({ tenantId: input.tenantId, teamIds: [], userId: null, allRules: true }),
    db.team.findMany({ where: { tenantId: input.tenantId }, select: { id: true, name: true } }),
  ]);
  ctx.teams = teams;
  ctx.users = users.map((u) => ({ id: u.id, label: u.email }));
  const userRules = await db.toolActivation.findMany({
    where: { tenantId: input.tenantId, scope: 'user', userId: { in: users.map((u) => u.id) } },
    select: { toolId: true, userId: true, enabled: true, rolloutPercent: true, reason: true, updatedAt: true },
  });
  const tools = ctx.tools.filter((t) => t.lifecycle !== 'draft').sort((a, b) => a.slug.localeCompare(b.slug));
  const teamName = new Map(teams.map((t) => [t.id, t.name]));
  return {
    tools: tools.map((t) => ({ id: t.id, slug: t.slug })),
    items: users.map((u) => {
      const teamIds = u.teams.map((t) => t.teamId);
      return {
        id: u.id, email: u.email, name: u.name, teams: teamIds.map((id) => teamName.get(id) ?? id).sort(),
        cells: Object.fromEntries(tools.map((tool) => {
          const rule = userRules.find((r) => r.userId === u.id && r.toolId === tool.id);
          return [tool.id, { rule: rule ? ruleDto(rule) : null, effective: effectiveDto(resolveToolAccess(ctx, { teamIds, userId: u.id }, tool)) }];
        })),
      };
    }),
    total, page: input.page, pageSize: input.pageSize, pageCount: Math.max(1, Math.ceil(total / input.pageSize)),
  };
}
