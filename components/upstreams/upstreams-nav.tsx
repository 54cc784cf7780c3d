import { SectionNav } from '@/components/ui/section-nav';

const ITEMS = [
  { key: 'servers', href: '/admin/upstreams', label: 'Upstream servers' },
  { key: 'trusted', href: '/admin/trusted-hosts', label: 'Trusted internal hosts' },
] as const;

/** Sub-navigation between upstream MCP servers and the trusted internal hosts they (and HTTP tools) may reach. */
export function UpstreamsNav({ current }: { current: (typeof ITEMS)[number]['key'] }) {
  return <SectionNav label="Federation" items={ITEMS} current={current} />;
}
