import 'server-only';
// Marks some (ids) or all of the actor's notifications read; another user's ids are ignored.
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/policy';
import type { TMarkNotificationsReadInput } from '@/lib/schemas/notifications';
import { getDb } from '@/lib/server/db/client';

export async function markNotificationsRead({ actor, ids }: TMarkNotificationsReadInput & { actor: Actor }) {
  if (actor.kind !== 'user') throw new AppError('FORBIDDEN', { userMessage: 'Notifications belong to portal users.' });
  const db = await getDb();
  const res = await db.notification.updateMany({ where: { userId: actor.id, readAt: null, ...(ids ? { id: { in: ids } } : {}) }, data: { readAt: new Date() } });
  const unreadCount = await db.notification.count({ where: { userId: actor.id, readAt: null } });
  return { marked: res.count, unreadCount };
}
