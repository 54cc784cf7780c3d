import 'server-only';
// The catalogue list: filters, full-text search, sort and pagination in SQL, with the total and facet counts
// (risk, lifecycle) for the current filters. Four queries whatever the page size: no N+1.
import { AppError } from '@/lib/errors';
import { assertCan, type Actor } from '@/lib/policy';
import type { TFindToolsInput } from '@/lib/schemas/catalogue';
import { getDb } from '@/lib/server/db/client';
import { enabledToolIds, toolOrderBy, toolWhere, toToolSummary } from './shared';

export async function findTools({ actor, ...input }: TFindToolsInput & { actor: Actor }) {
  assertCan(actor, 'catalogue.read');
  if (input.enabled && !actor.tenantId) {
    throw new AppError('BAD_REQUEST', { userMessage: 'enabled: only a tenant member has tools enabled; platform staff have no tenant.', fieldErrors: { enabled: ['Only for tenant members.'] } });
  }
  const enabled = await enabledToolIds(actor);
  const where = toolWhere(input, enabled, actor);
  const db = await getDb();
  // Sequential on purpose: cheap indexed queries, and the embedded database serves one statement at a time anyway.
  const total = await db.tool.count({ where });
  const rows = await db.tool.findMany({ where, orderBy: toolOrderBy(input.sort), skip: (input.page - 1) * input.pageSize, take: input.pageSize });
  const byRisk = await db.tool.groupBy({ by: ['riskLevel'], where: toolWhere({ ...input, risk: undefined }, enabled, actor), _count: { _all: true } });
  const byLifecycle = await db.tool.groupBy({ by: ['lifecycle'], where: toolWhere({ ...input, lifecycle: undefined }, enabled, actor), _count: { _all: true } });
  const options = await findFilterOptions();
  return {
    items: rows.map((t) => toToolSummary(t, enabled)),
    total, page: input.page, pageSize: input.pageSize, pageCount: Math.max(1, Math.ceil(total / input.pageSize)),
    counts: {
      risk: Object.fromEntries(byRisk.map((r) => [r.riskLevel, r._count._all])) as Record<string, number>,
      lifecycle: Object.fromEntries(byLifecycle.map((r) => [r.lifecycle, r._count._all])) as Record<string, number>,
    },
    options,
    hasTenant: enabled !== null,
  };
}

/** Distinct owner teams and categories for the filter menus. */
async function findFilterOptions() {
  const db = await getDb();
  const teams = await db.tool.findMany({ distinct: ['ownerTeam'], select: { ownerTeam: true }, orderBy: { ownerTeam: 'asc' } });
  const categories = await db.tool.findMany({ distinct: ['category'], select: { category: true }, orderBy: { category: 'asc' } });
  return { ownerTeams: teams.map((t) => t.ownerTeam), categories: categories.map((c) => c.category) };
}
export type TFindToolsResult = Awaited<ReturnType<typeof findTools>>;
