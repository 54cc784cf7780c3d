import 'server-only';
// Helpers shared by the activation use cases: tenant-scoped lookups that never cross tenants.
import { randomUUID } from 'node:crypto';
import { AppError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';

type Tx = Prisma.TransactionClient;

export const newRequestId = () => randomUUID();

export async function getTenantOrThrow(tx: Tx, tenantId: string) {
  const tenant = await tx.tenant.findUnique({ where: { id: tenantId }, select: { id: true, slug: true, name: true } });
  if (!tenant) throw new AppError('NOT_FOUND', { userMessage: 'Tenant not found.' });
  return tenant;
}

export async function getToolOrThrow(tx: Tx, toolId: string) {
  const tool = await tx.tool.findUnique({ where: { id: toolId }, select: { id: true, slug: true, title: true, killedGlobally: true, killedReason: true, servedVersion: true } });
  if (!tool) throw new AppError('NOT_FOUND', { userMessage: 'Tool not found.' });
  return tool;
}

/** The team or user must belong to the tenant (ids from a form are never trusted). */
export async function assertSubjectInTenant(tx: Tx, tenantId: string, s: { teamId?: string; userId?: string }) {
  if (s.teamId && !(await tx.team.findFirst({ where: { id: s.teamId, tenantId }, select: { id: true } }))) {
    throw new AppError('NOT_FOUND', { userMessage: 'This team does not belong to the tenant.', fieldErrors: { teamId: ['Unknown team.'] } });
  }
  if (s.userId && !(await tx.user.findFirst({ where: { id: s.userId, tenantId }, select: { id: true } }))) {
    throw new AppError('NOT_FOUND', { userMessage: 'This user does not belong to the tenant.', fieldErrors: { userId: ['Unknown user.'] } });
  }
}

export function scopeKeyOf(scope: 'tenant' | 'team' | 'user', teamId?: string | null, userId?: string | null): string {
  return scope === 'tenant' ? 'tenant' : scope === 'team' ? `team:${teamId}` : `user:${userId}`;
}
