'use client';
import { signOut } from 'next-auth/react';
import { onlineManager } from '@tanstack/react-query';
import { LogOut, UserRound } from 'lucide-react';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';
import { Button } from '@/components/ui/button';

export function UserMenu({ name, email, tenant, roles }: { name: string; email: string; tenant: string | null; roles: string[] }) {
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="sm" aria-label={`Account menu for ${email}`}>
          <UserRound aria-hidden className="size-4" />
          <span className="hidden sm:inline" data-testid="user-email">{email}</span>
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent className="w-64">
        <DropdownMenuLabel>
          <span className="block truncate">{name}</span>
          <span className="block text-xs font-normal text-muted-foreground">{tenant ?? 'Platform staff'}</span>
          <span className="block text-xs font-normal text-muted-foreground" data-testid="user-roles">{roles.join(', ')}</span>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem onSelect={() => {
          // Pause every query first (inbox, badge, bell poll): a poll sent once the session is gone would meet a 401.
          onlineManager.setOnline(false);
          void signOut({ callbackUrl: '/sign-in' });
        }}>
          <LogOut aria-hidden className="size-4" /> Sign out
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
