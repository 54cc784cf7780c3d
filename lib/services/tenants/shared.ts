import 'server-only';
import { AppError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import { can, type Actor } from '@/lib/policy';

export const TENANT_NOT_FOUND = 'Tenant not found.';

/** An SSO email domain provisions into one tenant only. */
export async function assertSsoDomainsFree(tx: Prisma.TransactionClient, domains: readonly string[], exceptTenantId: string | null): Promise<void> {
  if (domains.length === 0) return;
  const taken = await tx.tenant.findFirst({ where: { ssoDomains: { hasSome: [...domains] }, ...(exceptTenantId ? { id: { not: exceptTenantId } } : {}) }, select: { ssoDomains: true } });
  if (!taken) return;
  const clash = domains.filter((d) => taken.ssoDomains.includes(d));
  const msg = `${clash.join(', ')} already provisions into another tenant.`;
  throw new AppError('CONFLICT', { userMessage: msg, fieldErrors: { ssoDomains: [msg] } });
}

/** The tenant, or NOT_FOUND when unknown or outside the actor's reach (both answered alike). */
export async function loadTenantInReach(tx: Prisma.TransactionClient, actor: Actor, tenantId: string, permission: 'user.manage' | 'tenant.manage' = 'user.manage') {
  if (!can(actor, permission, { tenantId })) {
    if (!can(actor, permission)) throw new AppError('FORBIDDEN', { userMessage: `You do not have permission to do this (${permission}).` });
    throw new AppError('NOT_FOUND', { userMessage: TENANT_NOT_FOUND });
  }
  const tenant = await tx.tenant.findUnique({ where: { id: tenantId }, select: { id: true, slug: true, name: true, suspendedAt: true, ssoDomains: true } });
  if (!tenant) throw new AppError('NOT_FOUND', { userMessage: TENANT_NOT_FOUND });
  return tenant;
}
