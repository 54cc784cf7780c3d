// Integration-test helper: the Actor of a seeded demo user (as the portal would resolve it).
import type { Actor } from '@/lib/policy';
import { getDb } from '@/lib/server/db/client';

export async function actorFor(email: string): Promise<Actor> {
  const db = await getDb();
  const u = await db.user.findUniqueOrThrow({ where: { email }, include: { teams: true } });
  return { kind: 'user', id: u.id, label: u.email, tenantId: u.tenantId, teamIds: u.teams.map((t) => t.teamId), roles: u.roles, via: 'portal', ip: null };
}
