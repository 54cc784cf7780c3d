import { SectionNav } from '@/components/ui/section-nav';

const ITEMS = [
  { key: 'tenants', href: '/admin', label: 'Tenants' },
  { key: 'users', href: '/admin/users', label: 'All users' },
] as const;

/** Sub-navigation of the admin section for platform admins (tenant admins manage their own tenant only). */
export function AdminNav({ current }: { current: (typeof ITEMS)[number]['key'] }) {
  return <SectionNav label="Administration" items={ITEMS} current={current} />;
}
