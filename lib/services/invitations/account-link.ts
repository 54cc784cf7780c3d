import 'server-only';
// Single-use links that let a user set a password: invitations (new users) and password resets. The token is
// 256 random bits shown or emailed once; only its SHA-256 is stored. Issuing a link revokes the user's pending
// links of the same purpose, inside the caller's transaction, with the audit event.
import crypto from 'node:crypto';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Actor } from '@/lib/policy';
import { ACCOUNT_LINK_TTL_HOURS } from '@/lib/schemas/admin';
import { writeAudit } from '@/lib/server/audit';
import { sha256 } from '@/lib/server/crypto';
import { env } from '@/lib/server/env';
import { newRequestId } from '@/lib/server/ids';

export type AccountLinkPurpose = 'invite' | 'password_reset';

export function portalUrl(): string {
  return (env().NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, '');
}

export function accountLinkUrl(purpose: AccountLinkPurpose, token: string): string {
  return `${portalUrl()}/${purpose === 'invite' ? 'invite' : 'reset'}/${token}`;
}

export interface IssuedLink {
  purpose: AccountLinkPurpose;
  url: string;
  expiresAt: Date;
}

export async function issueAccountLink(
  tx: Prisma.TransactionClient,
  actor: Actor,
  user: { id: string; email: string; tenantId: string | null },
  purpose: AccountLinkPurpose,
  now = new Date(),
): Promise<IssuedLink> {
  const token = crypto.randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + ACCOUNT_LINK_TTL_HOURS[purpose] * 3600_000);
  await tx.invitation.updateMany({ where: { userId: user.id, purpose, usedAt: null, revokedAt: null }, data: { revokedAt: now } });
  const row = await tx.invitation.create({ data: { userId: user.id, tenantId: user.tenantId, purpose, tokenHash: sha256(token), expiresAt, createdById: actor.kind === 'user' ? actor.id : null } });
  await writeAudit(tx, actor, {
    requestId: newRequestId(),
    tenantId: user.tenantId,
    action: purpose === 'invite' ? 'user.invited' : 'user.password_reset_issued',
    resourceType: 'user',
    resourceId: user.id,
    details: { email: user.email, invitationId: row.id, expiresAt: expiresAt.toISOString() },
  });
  return { purpose, url: accountLinkUrl(purpose, token), expiresAt };
}
