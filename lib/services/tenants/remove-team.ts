import 'server-only';
// Removes a team: its memberships, activation rules and SSO mappings go with it, and its agent tokens are revoked
// in the same transaction (left alone they would fall back to tenant-wide rights).
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/policy';
import { ZRemoveTeamInput, type TRemoveTeamInput } from '@/lib/schemas/admin';
import { writeAudit } from '@/lib/server/audit';
import { parseInput } from '@/lib/server/boundary';
import { getDb } from '@/lib/server/db/client';
import { newRequestId } from '@/lib/server/ids';
import { loadTenantInReach } from './shared';

export async function removeTeam({ actor, ...raw }: TRemoveTeamInput & { actor: Actor }) {
  const input = parseInput(ZRemoveTeamInput, raw);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const tenant = await loadTenantInReach(tx, actor, input.tenantId);
    const team = await tx.team.findFirst({ where: { id: input.teamId, tenantId: tenant.id }, select: { id: true, name: true, slug: true, _count: { select: { members: true } } } });
    if (!team) throw new AppError('NOT_FOUND', { userMessage: 'Team not found.' });
    const revoked = await tx.agentToken.updateMany({ where: { teamId: team.id, revokedAt: null }, data: { revokedAt: new Date() } });
    await tx.team.delete({ where: { id: team.id } });
    await writeAudit(tx, actor, {
      requestId: newRequestId(), tenantId: tenant.id, action: 'team.removed', resourceType: 'team', resourceId: team.id,
      details: { name: team.name, slug: team.slug, members: team._count.members, tokensRevoked: revoked.count }, resourcesTouched: [`tenant:${tenant.slug}`],
    });
    return { id: team.id, tokensRevoked: revoked.count };
  });
}
