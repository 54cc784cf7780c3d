import 'server-only';
// The actor's own notifications (newest first) and its unread count. Nobody reads another user's.
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/policy';
import type { TFindNotificationsInput, TNotificationDto } from '@/lib/schemas/notifications';
import { getDb } from '@/lib/server/db/client';

export async function findNotifications({ actor, unread, limit }: TFindNotificationsInput & { actor: Actor }) {
  if (actor.kind !== 'user') throw new AppError('FORBIDDEN', { userMessage: 'Notifications belong to portal users.' });
  const db = await getDb();
  const where = { userId: actor.id, ...(unread ? { readAt: null } : {}) };
  const rows = await db.notification.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: limit });
  const unreadCount = await db.notification.count({ where: { userId: actor.id, readAt: null } });
  const items: TNotificationDto[] = rows.map((n) => ({ id: n.id, kind: n.kind, title: n.title, body: n.body, href: n.href, read: n.readAt !== null, createdAt: n.createdAt.toISOString() }));
  return { items, unreadCount };
}
