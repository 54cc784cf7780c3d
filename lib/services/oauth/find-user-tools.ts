import 'server-only';
// The tools a user may use through /mcp right now (tenant, team and user activation, kill switches, rollout), with
// the catalogue fields the consent page shows. Consent never offers, and a grant never reaches, more than these.
import { enabledTools } from '@/lib/activation';
import { getDb } from '@/lib/server/db/client';
import { loadAccessContext } from '@/lib/services/activation/load-access-context';

export interface UserTool {
  slug: string;
  title: string;
  category: string;
  description: string;
}

export async function findUserTools({ tenantId, userId }: { tenantId: string; userId: string }): Promise<UserTool[]> {
  const db = await getDb();
  const teams = await db.teamMember.findMany({ where: { userId, team: { tenantId } }, select: { teamId: true } });
  const teamIds = teams.map((t) => t.teamId);
  const ctx = await loadAccessContext({ tenantId, teamIds, userId });
  const slugs = enabledTools(ctx, { teamIds, userId, scopes: [] }).map((a) => a.slug);
  if (!slugs.length) return [];
  const rows = await db.tool.findMany({ where: { slug: { in: slugs } }, select: { slug: true, title: true, category: true, description: true }, orderBy: [{ category: 'asc' }, { title: 'asc' }] });
  return rows;
}
