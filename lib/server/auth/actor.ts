import 'server-only';
// Resolves the Actor for a portal request from the session, fresh from the database (a disabled user
// or a changed role takes effect at once).
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

export const getActor = cache(async (via: 'portal' | 'api' = 'portal'): Promise<PortalActor | null> => {
  const session = await getServerSession(authOptions());
  const uid = (session?.user as { id?: string } | undefined)?.id;
  if (!uid) return null;
  const db = await getDb();
  const user = await db.user.findUnique({ where: { id: uid }, include: { tenant: true, teams: true } });
  // Read on every request: a deactivated user or a suspended tenant loses its session at once.
  if (!user || user.disabled || user.tenant?.suspendedAt) return null;
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
