import Link from 'next/link';
import { cn } from '@/lib/utils';

/** Sub-navigation between upstream MCP servers and the trusted internal hosts they (and HTTP tools) may reach. */
export function UpstreamsNav({ current }: { current: 'servers' | 'trusted' }) {
  const items = [
    { key: 'servers', href: '/admin/upstreams', label: 'Upstream servers' },
    { key: 'trusted', href: '/admin/trusted-hosts', label: 'Trusted internal hosts' },
  ] as const;
  return (
    <nav aria-label="Federation" className="mb-6 flex gap-1 border-b border-border">
      {items.map((i) => (
        <Link
          key={i.key}
          href={i.href}
          aria-current={current === i.key ? 'page' : undefined}
          className={cn('-mb-px border-b-2 px-3 py-2 text-sm', current === i.key ? 'border-primary font-medium text-foreground' : 'border-transparent text-muted-foreground hover:text-foreground')}
        >
          {i.label}
        </Link>
      ))}
    </nav>
  );
}
