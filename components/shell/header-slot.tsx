// Extra header controls: the notification bell (its first data comes from the layout, then it polls /api/v1).
import { NotificationBell } from '@/components/notifications/notification-bell';
import type { NotificationsResult } from '@/lib/queries/notifications';

export function HeaderSlot({ notifications }: { notifications: NotificationsResult | null }) {
  return notifications ? <NotificationBell initial={notifications} /> : null;
}
