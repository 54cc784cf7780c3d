import 'server-only';
// Helpers shared by the activation use cases: tenant-scoped lookups that never cross tenants.
import { getDb } from '@/lib/server/db/client';
import { AppError } from '@/lib/errors';
import { rateWindowStart } from '@/lib/activation';
import type { Prisma } from '@/lib/generated/prisma/client';

type Tx = Prisma.TransactionClient;

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

/** Current-window counts of the fixed-window rate counters (RateCounter), by key: { minute, day }. */
export async function readUsage(
  db: Pick<Tx, 'rateCounter'>,
  subjects: { id: string; minuteKey: string; dayKey: string }[],
  now: Date = new Date(),
): Promise<Map<string, { minute: number; day: number }>> {
  const out = new Map(subjects.map((s) => [s.id, { minute: 0, day: 0 }]));
  if (subjects.length === 0) return out;
  const minute = rateWindowStart(now, 'minute');
  const day = rateWindowStart(now, 'day');
  const rows = await db.rateCounter.findMany({
    where: {
      OR: [
        { key: { in: subjects.map((s) => s.minuteKey) }, windowStart: minute },
        { key: { in: subjects.map((s) => s.dayKey) }, windowStart: day },
      ],
    },
    select: { key: true, windowStart: true, count: true },
  });
  const byKey = new Map(rows.map((r) => [`${r.key}@${r.windowStart.getTime()}`, r.count]));
  for (const s of subjects) {
    out.set(s.id, { minute: byKey.get(`${s.minuteKey}@${minute.getTime()}`) ?? 0, day: byKey.get(`${s.dayKey}@${day.getTime()}`) ?? 0 });
  }
  return out;
}

/**
 * The tenant a page or request works on: a tenant user's own tenant (a slug naming another one is "not found"),
 * or, for cross-tenant staff, the tenant named by slug or id (the first tenant when none is named).
 */
export async function resolveTenantFor(
  db: Pick<Tx, 'tenant'>,
  actor: { tenantId: string | null; roles: readonly string[] },
  slugOrId?: string | null,
): Promise<{ id: string; slug: string; name: string }> {
  const select = { id: true, slug: true, name: true } as const;
  if (actor.tenantId) {
    const own = await db.tenant.findUnique({ where: { id: actor.tenantId }, select });
    if (!own || (slugOrId && slugOrId !== own.slug && slugOrId !== own.id)) throw new AppError('NOT_FOUND', { userMessage: 'Tenant not found.' });
    return own;
  }
  const t = slugOrId
    ? await db.tenant.findFirst({ where: { OR: [{ slug: slugOrId }, { id: slugOrId }] }, select })
    : await db.tenant.findFirst({ orderBy: { slug: 'asc' }, select });
  if (!t) throw new AppError('NOT_FOUND', { userMessage: 'Tenant not found.' });
  return t;
}

/** resolveTenantFor on the process database, for pages (which never reach the database themselves). */
export async function tenantForActor(actor: { tenantId: string | null; roles: readonly string[] }, slugOrId?: string | null) {
  return resolveTenantFor(await getDb(), actor, slugOrId);
}
