import 'server-only';
// Changes a user's name, roles and teams. Roles stay within what the actor may grant; teams belong to the user's
// tenant; the last active platform admin keeps the role. Audited with before/after, in the same transaction.
import { ZUpdateUserInput, type TUpdateUserInput } from '@/lib/schemas/admin';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Actor } from '@/lib/policy';
import { writeAudit } from '@/lib/server/audit';
import { parseInput } from '@/lib/server/boundary';
import { getDb } from '@/lib/server/db/client';
import { newRequestId } from '@/lib/server/ids';
import { assertAssignableRoles, assertKeepsAPlatformAdmin, assertTeamsOfTenant, loadUserInReach, userDto } from './shared';

export async function updateUser({ actor, ...raw }: TUpdateUserInput & { actor: Actor }, within?: Prisma.TransactionClient) {
  const input = parseInput(ZUpdateUserInput, raw);
  // `within`: an enclosing transaction (tests run the last-admin rule inside one they roll back).
  const run = async <T,>(fn: (tx: Prisma.TransactionClient) => Promise<T>) => (within ? fn(within) : (await getDb()).$transaction(fn));
  return run(async (tx) => {
    const user = await loadUserInReach(tx, actor, input.userId);
    assertAssignableRoles(actor, user.tenantId, input.roles, user.roles);
    await assertTeamsOfTenant(tx, user.tenantId, input.teamIds);
    await assertKeepsAPlatformAdmin(tx, user, { roles: input.roles, disabled: user.disabled });
    const beforeTeams = user.teams.map((t) => t.teamId).sort();
    await tx.teamMember.deleteMany({ where: { userId: user.id, teamId: { notIn: input.teamIds } } });
    await tx.teamMember.createMany({ data: input.teamIds.filter((t) => !beforeTeams.includes(t)).map((teamId) => ({ teamId, userId: user.id })) });
    const updated = await tx.user.update({ where: { id: user.id }, data: { name: input.name, roles: input.roles }, include: { teams: true } });
    await writeAudit(tx, actor, {
      requestId: newRequestId(), tenantId: user.tenantId, action: 'user.updated', resourceType: 'user', resourceId: user.id,
      details: { email: user.email, before: { name: user.name, roles: user.roles, teamIds: beforeTeams }, after: { name: input.name, roles: input.roles, teamIds: [...input.teamIds].sort() } },
    });
    return userDto(updated);
  });
}
