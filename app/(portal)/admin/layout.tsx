import { forbidden } from 'next/navigation';
import type { ReactNode } from 'react';
import { can, type Permission } from '@/lib/policy';
import { requirePageActor } from '@/lib/server/auth/guard';

// The admin area: tenants and users (platform and tenant admins), upstream servers and trusted hosts (also readable by
// security reviewers and auditors). Anyone else is refused here, before anything streams (a real 403). Each sub-section
// narrows in its own layout, and keeps its loading.tsx below that check: a loading boundary above a refusal would
// commit a 200 before the page decides (so there is no loading.tsx at this level).
const ADMIN_AREA: Permission[] = ['user.manage', 'upstream.read', 'trusted_host.read'];

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const actor = await requirePageActor();
  if (!ADMIN_AREA.some((p) => can(actor, p))) forbidden();
  return children;
}
