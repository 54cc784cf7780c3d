import 'server-only';
// The invitee (or a user resetting a password) sets a password through a single-use link. The link is consumed
// by a guarded update (unused, unrevoked, unexpired), so two submissions cannot both succeed; the password and
// the audit event commit with it, and the user's existing portal sessions end.
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/policy';
import { ZAcceptAccountLinkInput, type TAcceptAccountLinkInput } from '@/lib/schemas/admin';
import { writeAudit } from '@/lib/server/audit';
import { parseInput } from '@/lib/server/boundary';
import { hashPassword, sha256 } from '@/lib/server/crypto';
import { getDb } from '@/lib/server/db/client';
import { newRequestId } from '@/lib/server/ids';
import type { AccountLinkPurpose } from './account-link';

const DEAD_LINK = 'This link has expired or was already used. Ask an administrator for a new one.';

export async function acceptAccountLink({ purpose, ip = null, now = new Date(), ...raw }: TAcceptAccountLinkInput & { purpose: AccountLinkPurpose; ip?: string | null; now?: Date }) {
  const input = parseInput(ZAcceptAccountLinkInput, raw);
  const passwordHash = await hashPassword(input.password);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const row = await tx.invitation.findUnique({ where: { tokenHash: sha256(input.token) }, include: { user: { include: { tenant: { select: { suspendedAt: true } }, teams: true } } } });
    if (!row || row.purpose !== purpose || row.user.disabled || row.user.tenant?.suspendedAt) throw new AppError('NOT_FOUND', { userMessage: DEAD_LINK });
    const claimed = await tx.invitation.updateMany({ where: { id: row.id, usedAt: null, revokedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (claimed.count !== 1) throw new AppError('NOT_FOUND', { userMessage: DEAD_LINK });
    const u = row.user;
    // A new password ends every portal session signed in before it (getActor compares the session version).
    await tx.user.update({ where: { id: u.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    const actor: Actor = { kind: 'user', id: u.id, label: u.email, tenantId: u.tenantId, teamIds: u.teams.map((t) => t.teamId), roles: u.roles, via: 'portal', ip };
    await writeAudit(tx, actor, {
      requestId: newRequestId(),
      action: purpose === 'invite' ? 'user.invitation_accepted' : 'user.password_reset',
      resourceType: 'user',
      resourceId: u.id,
      details: { invitationId: row.id },
    });
    return { email: u.email };
  });
}
