import 'server-only';
// A new single-use link for an existing user: an invitation again when they never set a password, otherwise a
// password reset, which ends the user's portal sessions. Emailed through the relay when configured, else shown once.
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/policy';
import { ZIssueAccountLinkInput, type TIssueAccountLinkInput } from '@/lib/schemas/admin';
import { parseInput } from '@/lib/server/boundary';
import { getDb } from '@/lib/server/db/client';
import { issueAccountLink } from '@/lib/services/invitations/account-link';
import { deliverAccountLink } from '@/lib/services/invitations/send-account-link';
import { loadUserInReach } from './shared';

export async function issueAccountLinkForUser({ actor, ...raw }: TIssueAccountLinkInput & { actor: Actor }) {
  const input = parseInput(ZIssueAccountLinkInput, raw);
  const db = await getDb();
  const { issued, user, tenantName } = await db.$transaction(async (tx) => {
    const user = await loadUserInReach(tx, actor, input.userId);
    if (user.disabled) throw new AppError('INVALID_STATE', { userMessage: 'Reactivate this user before sending a link.' });
    const tenant = user.tenantId ? await tx.tenant.findUnique({ where: { id: user.tenantId }, select: { name: true } }) : null;
    const purpose = user.passwordHash || user.lastLoginAt ? ('password_reset' as const) : ('invite' as const);
    // An admin's reset ends the user's portal sessions at once (a suspected compromise must not wait for the new
    // password); setting the password ends them again (accept-account-link.ts).
    if (purpose === 'password_reset' && user.id !== actor.id) await tx.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    return { issued: await issueAccountLink(tx, actor, user, purpose), user, tenantName: tenant?.name ?? null };
  });
  return { purpose: issued.purpose, ...(await deliverAccountLink(issued, user, tenantName)) };
}
