import 'server-only';
// Page guards: signed-out → /sign-in, signed-in without the permission → the 403 page (real 403 status).
import type { ReactNode } from 'react';
import { forbidden, redirect } from 'next/navigation';
import { can, type Permission, type PolicyResource } from '@/lib/policy';
import { getActor, type PortalActor } from './actor';

export async function requirePageActor(): Promise<PortalActor> {
  const actor = await getActor();
  if (!actor) redirect('/sign-in');
  return actor;
}

export async function requirePagePermission(permission: Permission, resource?: PolicyResource): Promise<PortalActor> {
  const actor = await requirePageActor();
  if (!can(actor, permission, resource)) forbidden();
  return actor;
}

/**
 * A section's layout: checks the permission before anything streams, so a forbidden page answers a real 403
 * (a loading.tsx above the check would commit a 200 first). Each section keeps its own loading.tsx below it.
 */
export function sectionLayout(permission: Permission) {
  return async function SectionLayout({ children }: { children: ReactNode }) {
    await requirePagePermission(permission);
    return children;
  };
}
