import { Badge } from '@/components/ui/badge';

const USER: Record<'active' | 'invited' | 'deactivated', { label: string; variant: 'success' | 'info' | 'muted' }> = {
  active: { label: 'Active', variant: 'success' },
  invited: { label: 'Invited', variant: 'info' },
  deactivated: { label: 'Deactivated', variant: 'muted' },
};

export function UserStatusBadge({ status }: { status: keyof typeof USER }) {
  return <Badge variant={USER[status].variant}>{USER[status].label}</Badge>;
}

export function TenantStatusBadge({ suspendedAt }: { suspendedAt: Date | string | null }) {
  return suspendedAt ? <Badge variant="destructive">Suspended</Badge> : <Badge variant="success">Active</Badge>;
}

export function formatWhen(d: Date | string | null): string {
  if (!d) return 'never';
  return new Date(d).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}
