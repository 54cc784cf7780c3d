import 'server-only';
// Resolves the Actor for a portal request from the session, fresh from the database (a disabled user, a password
// reset or a changed role takes effect at once).
import { cache } from 'react';
import { headers } from 'next/headers';
import { getServerSession } from 'next-auth';
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/policy';
import { getDb } from '@/lib/server/db/client';
import { clientIp } from '@/lib/server/client-ip';
import { authOptions } from './options';

export interface PortalActor extends Actor {
  email: string;
  tenantSlug: string | null;
  tenantName: string | null;
}

async function requestIp(): Promise<string | null> {
  const h = await headers();
  return clientIp((name) => h.get(name));
}

/** What a portal session carries (lib/server/auth/options.ts): the user id and the session version at sign-in. */
export function sessionClaims(session: { user?: unknown } | null): { uid: string; sessionVersion: number } | null {
  const u = (session?.user ?? {}) as { id?: unknown; sv?: unknown };
  return typeof u.id === 'string' ? { uid: u.id, sessionVersion: typeof u.sv === 'number' ? u.sv : 0 } : null;
}

/**
 * The user a session stands for, read on every request: a deactivated user, a suspended tenant, or a password reset
 * since the sign-in (the session version moved on) ends the session at once.
 */
export async function loadSessionUser(claims: { uid: string; sessionVersion: number }) {
  const db = await getDb();
  const user = await db.user.findUnique({ where: { id: claims.uid }, include: { tenant: true, teams: true } });
  if (!user || user.disabled || user.tenant?.suspendedAt || user.sessionVersion !== claims.sessionVersion) return null;
  return user;
}

export const getActor = cache(async (via: 'portal' | 'api' = 'portal'): Promise<PortalActor | null> => {
  const claims = sessionClaims(await getServerSession(authOptions()));
  if (!claims) return null;
  const user = await loadSessionUser(claims);
  if (!user) return null;
  return {
    kind: 'user',
    id: user.id,
    label: user.email,
    email: user.email,
    tenantId: user.tenantId,
    tenantSlug: user.tenant?.slug ?? null,
    tenantName: user.tenant?.name ?? null,
    teamIds: user.teams.map((t) => t.teamId),
    roles: user.roles,
    via,
    ip: await requestIp(),
  };
});

export async function requireActor(via: 'portal' | 'api' = 'portal'): Promise<PortalActor> {
  const actor = await getActor(via);
  if (!actor) throw new AppError('UNAUTHENTICATED');
  return actor;
}
