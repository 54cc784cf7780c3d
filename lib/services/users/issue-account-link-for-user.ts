import 'server-only';
// A new single-use link for an existing user: an invitation again when they never set a password, otherwise a
// password reset. Emailed through the relay when configured, else shown once to the admin.
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
    return { issued: await issueAccountLink(tx, actor, user, purpose), user, tenantName: tenant?.name ?? null };
  });
  return { purpose: issued.purpose, ...(await deliverAccountLink(issued, user, tenantName)) };
}
