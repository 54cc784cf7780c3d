'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useState } from 'react';
import { Activity, BarChart3, BookOpen, ClipboardCheck, FileSearch, Inbox, Lightbulb, Menu, PlugZap, Server, Settings, ShieldCheck, ToggleRight, Wrench } from 'lucide-react';
import { cn } from '@/lib/utils';
import { PendingApprovalsBadge } from '@/components/approvals/pending-approvals-badge';

const ICONS: Record<string, typeof BookOpen> = {
  '/catalogue': BookOpen,
  '/requests': Inbox,
  '/reviews': ClipboardCheck,
  '/candidates': Lightbulb,
  '/activation': ToggleRight,
  '/approvals': ShieldCheck,
  '/audit': FileSearch,
  '/metrics': BarChart3,
  '/connected-apps': PlugZap,
  '/settings': Settings,
  '/admin/upstreams': Server,
  '/admin': Wrench,
};

export function SideNav({ items, tenant, approvalsBadge = false }: { items: { href: string; label: string }[]; tenant: string; approvalsBadge?: boolean }) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  return (
    <aside className="border-b border-border bg-card md:min-h-screen md:w-60 md:shrink-0 md:border-b-0 md:border-r">
      <div className="flex items-center justify-between px-4 py-3">
        <Link href="/catalogue" className="flex items-center gap-2 font-semibold">
          <Activity aria-hidden className="size-5 text-primary" />
          <span>MCP Platform</span>
        </Link>
        <button
          type="button"
          className="rounded p-2 md:hidden"
          aria-expanded={open}
          aria-controls="primary-nav"
          onClick={() => setOpen((o) => !o)}
        >
          <Menu aria-hidden className="size-5" />
          <span className="sr-only">Toggle navigation</span>
        </button>
      </div>
      <p className="px-4 pb-2 text-xs text-muted-foreground" data-testid="tenant-name">{tenant}</p>
      <nav id="primary-nav" aria-label="Main" className={cn('px-2 pb-3 md:block', open ? 'block' : 'hidden')}>
        <ul className="space-y-1">
          {items.map((item) => {
            const Icon = ICONS[item.href] ?? BookOpen;
            const matches = (href: string) => pathname === href || pathname.startsWith(href + '/');
            // The most specific entry is the current one (/admin/upstreams, not also /admin).
            const active = matches(item.href) && !items.some((o) => o.href.length > item.href.length && o.href.startsWith(item.href + '/') && matches(o.href));
            return (
              <li key={item.href}>
                <Link
                  href={item.href}
                  aria-current={active ? 'page' : undefined}
                  className={cn(
                    'flex items-center gap-2 rounded-md px-3 py-2 text-sm',
                    active ? 'bg-accent font-medium text-accent-foreground' : 'text-muted-foreground hover:bg-muted hover:text-foreground',
                  )}
                >
                  <Icon aria-hidden className="size-4" />
                  {item.label}
                  {approvalsBadge && item.href === '/approvals' ? <PendingApprovalsBadge /> : null}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
    </aside>
  );
}
