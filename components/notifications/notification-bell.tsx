'use client';
// The header bell: unread count, the latest notifications, "mark all read". Polls every 30 s and on focus;
// the first render uses what the layout read on the server (no loading flash).
import Link from 'next/link';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Bell } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator, DropdownMenuTrigger } from '@/components/ui/dropdown-menu';
import { markNotificationsRead, notificationsQuery, type NotificationsResult } from '@/lib/queries/notifications';
import { cn } from '@/lib/utils';

function ago(iso: string): string {
  const s = Math.max(0, (Date.now() - new Date(iso).getTime()) / 1000);
  if (s < 60) return 'just now';
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h ago`;
  return `${Math.floor(s / 86_400)} d ago`;
}

export function NotificationBell({ initial }: { initial: NotificationsResult }) {
  const qc = useQueryClient();
  const q = useQuery({ ...notificationsQuery(8), initialData: initial, initialDataUpdatedAt: 0 });
  const markAll = useMutation({ mutationFn: () => markNotificationsRead(), onSuccess: () => qc.invalidateQueries({ queryKey: ['notifications'] }) });
  const markOne = useMutation({ mutationFn: (id: string) => markNotificationsRead([id]), onSettled: () => qc.invalidateQueries({ queryKey: ['notifications'] }) });
  const unread = q.data.unreadCount;
  const label = unread ? `Notifications, ${unread} unread` : 'Notifications, none unread';
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon" aria-label={label} className="relative" data-testid="notification-bell">
          <Bell aria-hidden />
          {unread ? (
            <span aria-hidden className="absolute right-1 top-1 flex min-w-4 items-center justify-center rounded-full bg-destructive px-1 text-[10px] font-semibold leading-4 text-destructive-foreground" data-testid="unread-count">
              {unread > 99 ? '99+' : unread}
            </span>
          ) : null}
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent className="w-80 max-w-[calc(100vw-1rem)]">
        <div className="flex items-center justify-between gap-2">
          <DropdownMenuLabel>Notifications</DropdownMenuLabel>
          {unread ? (
            <Button variant="link" size="sm" onClick={() => markAll.mutate()} disabled={markAll.isPending}>Mark all read</Button>
          ) : null}
        </div>
        <DropdownMenuSeparator />
        {q.isError ? <p role="alert" className="px-2 py-3 text-sm text-destructive">{q.error.message}</p> : null}
        {q.data.items.length === 0 ? <p className="px-2 py-6 text-center text-sm text-muted-foreground">Nothing new. Changes to your requests and reviews appear here.</p> : null}
        {q.data.items.map((n) => (
          <DropdownMenuItem key={n.id} asChild onSelect={() => { if (!n.read) markOne.mutate(n.id); }}>
            <Link href={n.href ?? '#'} className={cn('grid gap-0.5', !n.read && 'font-medium')}>
              <span className="flex items-center gap-2">
                {!n.read ? <span aria-hidden className="size-2 shrink-0 rounded-full bg-primary" /> : null}
                <span className="line-clamp-2">{n.title}</span>
                {!n.read ? <span className="sr-only">(unread)</span> : null}
              </span>
              {n.body ? <span className="line-clamp-2 text-xs font-normal text-muted-foreground">{n.body}</span> : null}
              <span className="text-[11px] font-normal text-muted-foreground">{ago(n.createdAt)}</span>
            </Link>
          </DropdownMenuItem>
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
