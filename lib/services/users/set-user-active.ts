import 'server-only';
// Deactivates or reactivates a user. A deactivated user cannot sign in, loses the portal session at the next
// request (getActor reads the user on each request), and the agent tokens acting for them (and OAuth grants,
// which check User.disabled) are refused by /mcp within MCP_POLICY_CACHE_MS (≤ 2 s). Pending links are revoked.
import { AppError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Actor } from '@/lib/policy';
import { ZSetUserActiveInput, type TSetUserActiveInput } from '@/lib/schemas/admin';
import { writeAudit } from '@/lib/server/audit';
import { parseInput } from '@/lib/server/boundary';
import { getDb } from '@/lib/server/db/client';
import { newRequestId } from '@/lib/server/ids';
import { assertKeepsAPlatformAdmin, loadUserInReach, userDto } from './shared';

export async function setUserActive({ actor, ...raw }: TSetUserActiveInput & { actor: Actor }, within?: Prisma.TransactionClient) {
  const input = parseInput(ZSetUserActiveInput, raw);
  // `within`: an enclosing transaction (tests run the last-admin rule inside one they roll back).
  const run = async <T,>(fn: (tx: Prisma.TransactionClient) => Promise<T>) => (within ? fn(within) : (await getDb()).$transaction(fn));
  return run(async (tx) => {
    const user = await loadUserInReach(tx, actor, input.userId);
    if (user.id === actor.id && !input.active) throw new AppError('INVALID_STATE', { userMessage: 'You cannot deactivate your own account.' });
    await assertKeepsAPlatformAdmin(tx, user, { roles: user.roles, disabled: !input.active });
    const res = await tx.user.updateMany({ where: { id: user.id, disabled: input.active }, data: { disabled: !input.active } });
    if (res.count !== 1) throw new AppError('INVALID_STATE', { userMessage: input.active ? 'This user is already active.' : 'This user is already deactivated.' });
    if (!input.active) await tx.invitation.updateMany({ where: { userId: user.id, usedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
    await writeAudit(tx, actor, {
      requestId: newRequestId(), tenantId: user.tenantId, action: input.active ? 'user.reactivated' : 'user.deactivated', resourceType: 'user', resourceId: user.id,
      details: { email: user.email },
    });
    return userDto(await tx.user.findUniqueOrThrow({ where: { id: user.id }, include: { teams: true } }));
  });
}
