import 'server-only';
// One upstream server as an actor may act on it: another tenant's server is answered exactly like an unknown one.
import { AppError } from '@/lib/errors';
import { can, type Actor, type Permission } from '@/lib/policy';
import { getDb } from '@/lib/server/db/client';
import type { DiscoveryTarget } from './run-discovery';

export async function loadUpstreamForActor(actor: Actor, id: string, permission: Permission): Promise<DiscoveryTarget> {
  const db = await getDb();
  const s = await db.upstreamServer.findUnique({ where: { id }, select: { id: true, name: true, namespace: true, url: true, tenantId: true, timeoutMs: true, secretName: true } });
  const visible = s && s.namespace && can(actor, 'upstream.read', { tenantId: s.tenantId ?? undefined }) && (s.tenantId === null || actor.tenantId === null || actor.tenantId === s.tenantId);
  if (!s || !s.namespace || !visible) throw new AppError('NOT_FOUND', { userMessage: 'This upstream server does not exist.' });
  if (!can(actor, permission, { tenantId: s.tenantId })) {
    throw new AppError('FORBIDDEN', { userMessage: s.tenantId === null ? 'Only platform admins manage platform-wide upstream servers.' : `You do not have permission to do this (${permission}).` });
  }
  return { ...s, namespace: s.namespace };
}
