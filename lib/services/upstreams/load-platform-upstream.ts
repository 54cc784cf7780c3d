import 'server-only';
// The tenant and the platform-wide upstream server a tenant admin sets a credential for (Settings → Upstream
// credentials). Another tenant is answered like an unknown one, and any server that is not platform-wide (another
// tenant's private server included) like an unknown server, so nothing is learnt about other tenants.
import type { Prisma } from '@/lib/generated/prisma/client';
import { AppError } from '@/lib/errors';
import { can, type Actor } from '@/lib/policy';

export interface PlatformUpstreamTarget {
  tenant: { id: string; slug: string };
  server: { id: string; name: string; namespace: string; secretName: string | null };
}

/** Tenant admins of their own tenant and platform admins: the same rule as the tenant's other secrets. */
export function assertCanManageTenantCredentials(actor: Actor, tenantId: string): void {
  if (!can(actor, 'secret.manage')) throw new AppError('FORBIDDEN', { userMessage: 'Only tenant admins manage their tenant\'s credentials.' });
  if (!can(actor, 'secret.manage', { tenantId })) throw new AppError('NOT_FOUND', { userMessage: 'Tenant not found.' });
}

export async function loadPlatformUpstream(tx: Prisma.TransactionClient, actor: Actor, tenantId: string, upstreamId: string): Promise<PlatformUpstreamTarget> {
  assertCanManageTenantCredentials(actor, tenantId);
  const tenant = await tx.tenant.findUnique({ where: { id: tenantId }, select: { id: true, slug: true } });
  if (!tenant) throw new AppError('NOT_FOUND', { userMessage: 'Tenant not found.' });
  const s = await tx.upstreamServer.findUnique({ where: { id: upstreamId }, select: { id: true, name: true, namespace: true, secretName: true, tenantId: true } });
  if (s && s.namespace && s.tenantId === tenant.id) {
    throw new AppError('VALIDATION', { userMessage: `"${s.name}" is your tenant's own server: set its credential on its page under Upstream servers.` });
  }
  if (!s || !s.namespace || s.tenantId !== null) throw new AppError('NOT_FOUND', { userMessage: 'This upstream server does not exist.' });
  return { tenant, server: { id: s.id, name: s.name, namespace: s.namespace, secretName: s.secretName } };
}
