import 'server-only';
// What the invitation / reset page shows before the user sets a password: whose account, until when. Unknown,
// expired, used and revoked links are answered alike (null), so a link reveals nothing once it is dead.
import { ZAccountLinkToken } from '@/lib/schemas/admin';
import { sha256 } from '@/lib/server/crypto';
import { getDb } from '@/lib/server/db/client';
import type { AccountLinkPurpose } from './account-link';

export async function getAccountLink({ token, purpose, now = new Date() }: { token: string; purpose: AccountLinkPurpose; now?: Date }) {
  if (!ZAccountLinkToken.safeParse(token).success) return null;
  const db = await getDb();
  const row = await db.invitation.findUnique({
    where: { tokenHash: sha256(token) },
    select: { purpose: true, expiresAt: true, usedAt: true, revokedAt: true, user: { select: { email: true, name: true, disabled: true, tenant: { select: { name: true, suspendedAt: true } } } } },
  });
  if (!row || row.purpose !== purpose || row.usedAt || row.revokedAt || row.expiresAt <= now || row.user.disabled || row.user.tenant?.suspendedAt) return null;
  return { email: row.user.email, name: row.user.name, tenantName: row.user.tenant?.name ?? null, expiresAt: row.expiresAt };
}
