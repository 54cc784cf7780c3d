// TanStack Query options for the notification bell (client).
import { queryOptions } from '@tanstack/react-query';
import type { TNotificationDto } from '@/lib/schemas/notifications';

export interface NotificationsResult { items: TNotificationDto[]; unreadCount: number }

export const notificationsQuery = (limit = 8) =>
  queryOptions({
    queryKey: ['notifications', 'list', { limit }],
    queryFn: async (): Promise<NotificationsResult> => {
      const res = await fetch(`/api/v1/notifications?limit=${limit}`, { headers: { Accept: 'application/json' } });
      if (!res.ok) throw new Error(`Notifications could not be loaded (${res.status}).`);
      return (await res.json()) as NotificationsResult;
    },
    refetchInterval: 30_000,
    refetchOnWindowFocus: true,
  });

export async function markNotificationsRead(ids?: string[]): Promise<void> {
  const res = await fetch('/api/v1/notifications/read', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(ids ? { ids } : {}) });
  if (!res.ok) throw new Error(`Could not mark notifications read (${res.status}).`);
}
