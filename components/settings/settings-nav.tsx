'use client';
// Settings sub-navigation (and, for platform staff, the tenant being configured).
import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { cn } from '@/lib/utils';

const ITEMS = [
  { href: '/settings', label: 'Policies' },
  { href: '/settings/approvals', label: 'Approval rules' },
  { href: '/settings/secrets', label: 'Secrets' },
  { href: '/settings/upstreams', label: 'Upstream credentials' },
  { href: '/settings/tokens', label: 'Agent tokens' },
  { href: '/settings/connected-apps', label: 'Connected apps' },
];

export function SettingsNav({ tenant, tenants }: { tenant: { slug: string; name: string }; tenants: { slug: string; name: string }[] }) {
  const pathname = usePathname();
  const router = useRouter();
  const q = tenants.length ? `?tenant=${encodeURIComponent(tenant.slug)}` : '';
  return (
    <div className="mb-6 flex flex-col gap-3 border-b border-border pb-3 sm:flex-row sm:items-center sm:justify-between">
      <nav aria-label="Settings sections">
        <ul className="flex flex-wrap gap-1">
          {ITEMS.map((i) => {
            const active = pathname === i.href;
            return (
              <li key={i.href}>
                <Link href={`${i.href}${q}`} aria-current={active ? 'page' : undefined}
                  className={cn('inline-flex h-8 items-center rounded-md px-3 text-sm font-medium hover:bg-accent', active ? 'bg-accent text-foreground' : 'text-muted-foreground')}>
                  {i.label}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      {tenants.length ? (
        <label className="flex items-center gap-2 text-sm">
          <span className="text-muted-foreground">Tenant</span>
          <select className="h-8 rounded-md border border-input bg-background px-2 text-sm" value={tenant.slug}
            onChange={(e) => router.push(`${pathname}?tenant=${encodeURIComponent(e.target.value)}`)}>
            {tenants.map((t) => <option key={t.slug} value={t.slug}>{t.name}</option>)}
          </select>
        </label>
      ) : null}
    </div>
  );
}
