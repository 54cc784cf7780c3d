import Link from 'next/link';
import { cn } from '@/lib/utils';

/** Sub-navigation of the admin section for platform admins (tenant admins manage their own tenant only). */
export function AdminNav({ current }: { current: 'tenants' | 'users' }) {
  const items = [
    { key: 'tenants', href: '/admin', label: 'Tenants' },
    { key: 'users', href: '/admin/users', label: 'All users' },
  ] as const;
  return (
    <nav aria-label="Administration" className="mb-6 flex gap-1 border-b border-border">
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
