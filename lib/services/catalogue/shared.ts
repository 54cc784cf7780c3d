import 'server-only';
// Shared by the catalogue use cases: the WHERE clause of the filters, what "enabled for me" means, the list DTO.
import { enabledTools, resolveToolAccess, type ToolAccess } from '@/lib/activation';
import type { Prisma, Tool } from '@/lib/generated/prisma/client';
import { canCrossTenants, type Actor } from '@/lib/policy';
import type { TFindToolsInput, TToolSummary } from '@/lib/schemas/catalogue';
import { loadAccessContext } from '@/lib/services/activation/load-access-context';

export type ToolFilters = Omit<TFindToolsInput, 'page' | 'pageSize' | 'sort'>;

/** Ids of the tools the actor (its user, teams and tenant) may use; null for platform staff (no tenant). */
export async function enabledToolIds(actor: Actor): Promise<Set<string> | null> {
  if (!actor.tenantId) return null;
  const ctx = await loadAccessContext({ tenantId: actor.tenantId, teamIds: actor.teamIds, userId: actor.kind === 'user' ? actor.id : null });
  return new Set(enabledTools(ctx, { teamIds: actor.teamIds, userId: actor.kind === 'user' ? actor.id : null }).map((a) => a.toolId));
}

/** The activation decision (with its reason) of one tool for the actor; null for platform staff. */
export async function toolAccessFor(actor: Actor, toolId: string): Promise<ToolAccess | null> {
  if (!actor.tenantId) return null;
  const caller = { teamIds: actor.teamIds, userId: actor.kind === 'user' ? actor.id : null };
  const ctx = await loadAccessContext({ tenantId: actor.tenantId, ...caller });
  const tool = ctx.tools.find((t) => t.id === toolId);
  return tool ? resolveToolAccess(ctx, caller, tool) : null;
}

/** Every word of the search must match one of name, title, description, tags, owner team or owner. */
/**
 * The tools an actor may see in the catalogue: every tool, except another tenant's upstream server's tools
 * (a tenant's private integration), which are answered like unknown ones. Platform staff see them all.
 */
export function visibleToolsWhere(actor: Actor): Prisma.ToolWhereInput {
  if (canCrossTenants(actor)) return {};
  return { OR: [{ upstreamServerId: null }, { upstreamServer: { is: { tenantId: null } } }, ...(actor.tenantId ? [{ upstreamServer: { is: { tenantId: actor.tenantId } } }] : [])] };
}

export function toolWhere(f: Partial<ToolFilters>, enabled: Set<string> | null, actor?: Actor): Prisma.ToolWhereInput {
  const and: Prisma.ToolWhereInput[] = actor ? [visibleToolsWhere(actor)] : [];
  for (const term of (f.q ?? '').split(/\s+/).filter(Boolean).slice(0, 8)) {
    const c = { contains: term, mode: 'insensitive' as const };
    and.push({ OR: [{ slug: c }, { title: c }, { description: c }, { ownerTeam: c }, { category: c }, { tags: { has: term.toLowerCase() } }, { owner: { is: { name: c } } }] });
  }
  if (f.risk) and.push({ riskLevel: f.risk });
  if (f.dataClassification) and.push({ dataClassification: f.dataClassification });
  if (f.ownerTeam) and.push({ ownerTeam: { equals: f.ownerTeam, mode: 'insensitive' } });
  if (f.lifecycle) and.push({ lifecycle: f.lifecycle });
  if (f.category) and.push({ category: { equals: f.category, mode: 'insensitive' } });
  if (f.access) and.push({ readOnly: f.access === 'read_only' });
  if (f.enabled && enabled) and.push({ id: f.enabled === 'yes' ? { in: [...enabled] } : { notIn: [...enabled] } });
  return and.length ? { AND: and } : {};
}

export function toolOrderBy(sort: TFindToolsInput['sort']): Prisma.ToolOrderByWithRelationInput[] {
  switch (sort) {
    case 'recent': return [{ updatedAt: 'desc' }, { slug: 'asc' }];
    case 'risk_desc': return [{ riskLevel: 'desc' }, { slug: 'asc' }];
    case 'risk_asc': return [{ riskLevel: 'asc' }, { slug: 'asc' }];
    case 'owner': return [{ ownerTeam: 'asc' }, { slug: 'asc' }];
    default: return [{ slug: 'asc' }];
  }
}

export function toToolSummary(t: Tool, enabled: Set<string> | null): TToolSummary {
  return {
    id: t.id, slug: t.slug, title: t.title, description: t.description, category: t.category, ownerTeam: t.ownerTeam, lifecycle: t.lifecycle,
    riskLevel: t.riskLevel, dataClassification: t.dataClassification, readOnly: t.readOnly, critical: t.critical, tags: t.tags,
    servedVersion: t.servedVersion, killedGlobally: t.killedGlobally, enabledForMe: enabled ? enabled.has(t.id) : null, updatedAt: t.updatedAt.toISOString(),
  };
}
