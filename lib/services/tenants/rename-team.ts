import 'server-only';
// Renames a team (its slug stays, so activation exports and audit records keep referring to it).
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/policy';
import { ZRenameTeamInput, type TRenameTeamInput } from '@/lib/schemas/admin';
import { writeAudit } from '@/lib/server/audit';
import { parseInput } from '@/lib/server/boundary';
import { getDb } from '@/lib/server/db/client';
import { newRequestId } from '@/lib/server/ids';
import { loadTenantInReach } from './shared';

export async function renameTeam({ actor, ...raw }: TRenameTeamInput & { actor: Actor }) {
  const input = parseInput(ZRenameTeamInput, raw);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const tenant = await loadTenantInReach(tx, actor, input.tenantId);
    const team = await tx.team.findFirst({ where: { id: input.teamId, tenantId: tenant.id }, select: { id: true, name: true } });
    if (!team) throw new AppError('NOT_FOUND', { userMessage: 'Team not found.' });
    const clash = await tx.team.findFirst({ where: { tenantId: tenant.id, id: { not: team.id }, name: { equals: input.name, mode: 'insensitive' } }, select: { id: true } });
    if (clash) throw new AppError('CONFLICT', { userMessage: 'A team with this name already exists.', fieldErrors: { name: ['A team with this name already exists.'] } });
    const updated = await tx.team.update({ where: { id: team.id }, data: { name: input.name }, select: { id: true, slug: true, name: true } });
    await writeAudit(tx, actor, {
      requestId: newRequestId(), tenantId: tenant.id, action: 'team.renamed', resourceType: 'team', resourceId: team.id,
      details: { before: team.name, after: updated.name }, resourcesTouched: [`tenant:${tenant.slug}`],
    });
    return updated;
  });
}
