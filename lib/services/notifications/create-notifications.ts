import 'server-only';
// In-app notifications, written in the caller's transaction with the change they announce (never the actor).
import type { Prisma } from '@/lib/generated/prisma/client';

export interface NotificationInput {
  kind: string;
  title: string;
  body?: string;
  /** Link per recipient (the requester and the reviewers open different pages). */
  href: (userId: string) => string | null;
}

export async function createNotifications(tx: Prisma.TransactionClient, userIds: Iterable<string>, n: NotificationInput, exceptUserId?: string): Promise<number> {
  const ids = [...new Set(userIds)].filter((id) => id !== exceptUserId);
  if (!ids.length) return 0;
  const res = await tx.notification.createMany({
    data: ids.map((userId) => ({ userId, kind: n.kind, title: n.title.slice(0, 200), body: (n.body ?? '').slice(0, 1000), href: n.href(userId) })),
  });
  return res.count;
}

/** Every active security reviewer (they review requests and tool versions of every tenant). */
export async function reviewerIds(tx: Prisma.TransactionClient): Promise<string[]> {
  const rows = await tx.user.findMany({ where: { roles: { has: 'security_reviewer' }, disabled: false }, select: { id: true } });
  return rows.map((r) => r.id);
}
