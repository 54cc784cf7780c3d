import 'server-only';
// Whether a user (and their tenant) may still act: used by any credential that acts for a user outside the
// portal session (OAuth grants). Deactivation sets User.disabled; suspension sets Tenant.suspendedAt.
import type { Prisma } from '@/lib/generated/prisma/client';
import { getDb } from '@/lib/server/db/client';

/** Prisma where-fragment for users who may act: not deactivated, and platform staff or of an unsuspended tenant. */
export const ACTIVE_USER_WHERE = { disabled: false, OR: [{ tenantId: null }, { tenant: { suspendedAt: null } }] } satisfies Prisma.UserWhereInput;

export async function isUserActive(userId: string): Promise<boolean> {
  const db = await getDb();
  return (await db.user.count({ where: { id: userId, ...ACTIVE_USER_WHERE } })) === 1;
}
