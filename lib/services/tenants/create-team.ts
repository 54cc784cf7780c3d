import 'server-only';
// A tenant admin (or platform admin) adds a team; its slug is derived from the name and unique in the tenant.
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/policy';
import { teamSlug, ZCreateTeamInput, type TCreateTeamInput } from '@/lib/schemas/admin';
import { writeAudit } from '@/lib/server/audit';
import { parseInput } from '@/lib/server/boundary';
import { getDb } from '@/lib/server/db/client';
import { newRequestId } from '@/lib/server/ids';
import { loadTenantInReach } from './shared';

export async function createTeam({ actor, ...raw }: TCreateTeamInput & { actor: Actor }) {
  const input = parseInput(ZCreateTeamInput, raw);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const tenant = await loadTenantInReach(tx, actor, input.tenantId);
    const slug = teamSlug(input.name);
    const clash = await tx.team.findFirst({ where: { tenantId: tenant.id, OR: [{ slug }, { name: { equals: input.name, mode: 'insensitive' } }] }, select: { id: true } });
    if (clash) throw new AppError('CONFLICT', { userMessage: 'A team with this name already exists.', fieldErrors: { name: ['A team with this name already exists.'] } });
    const team = await tx.team.create({ data: { tenantId: tenant.id, slug, name: input.name }, select: { id: true, slug: true, name: true } });
    await writeAudit(tx, actor, {
      requestId: newRequestId(), tenantId: tenant.id, action: 'team.created', resourceType: 'team', resourceId: team.id,
      details: { name: team.name, slug: team.slug }, resourcesTouched: [`tenant:${tenant.slug}`],
    });
    return team;
  });
}
