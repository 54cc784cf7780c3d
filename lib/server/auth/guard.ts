import 'server-only';
// Page guards: signed-out → /sign-in, signed-in without the permission → the 403 page (real 403 status).
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
