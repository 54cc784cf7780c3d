import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { can } from '@/lib/policy';
import { requirePagePermission } from '@/lib/server/auth/guard';

// /admin: the tenants list is platform admins' own; tenant admins are sent to their tenant. Decided here, above this
// group's loading.tsx, so a refusal answers 403 and the redirect a real 307 (not a streamed 200).
export default async function AdminHomeLayout({ children }: { children: ReactNode }) {
  const actor = await requirePagePermission('user.manage');
  if (!can(actor, 'tenant.manage')) redirect(actor.tenantId ? `/admin/tenants/${actor.tenantId}` : '/catalogue');
  return children;
}
