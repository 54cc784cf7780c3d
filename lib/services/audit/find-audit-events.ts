import 'server-only';
import { assertCan, canCrossTenants, type Actor } from '@/lib/policy';
import type { Prisma } from '@/lib/generated/prisma/client';
import { getDb } from '@/lib/server/db/client';
import type { TAuditEventDto, TFindAuditEventsInput } from '@/lib/schemas/audit';

export async function findAuditEvents({ actor, ...input }: TFindAuditEventsInput & { actor: Actor }) {
  assertCan(actor, 'audit.read');
  const db = await getDb();
  const where: Prisma.AuditEventWhereInput = {};
  if (!canCrossTenants(actor)) where.tenantId = actor.tenantId ?? '__none__';
  else if (input.tenant) where.tenantId = (await db.tenant.findUnique({ where: { slug: input.tenant } }))?.id ?? '__none__';
  if (input.outcome) where.outcome = input.outcome;
  if (input.tool) where.toolSlug = input.tool;
  if (input.from || input.to) {
    where.createdAt = {
      ...(input.from ? { gte: new Date(`${input.from}T00:00:00Z`) } : {}),
      ...(input.to ? { lt: new Date(new Date(`${input.to}T00:00:00Z`).getTime() + 86_400_000) } : {}),
    };
  }
  if (input.q) {
    const c = { contains: input.q, mode: 'insensitive' as const };
    where.OR = [{ requestId: input.q }, { action: c }, { toolSlug: c }, { actorLabel: c }, { resourceId: c }];
  }
  const [total, rows] = await Promise.all([
    db.auditEvent.count({ where }),
    db.auditEvent.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], skip: (input.page - 1) * input.pageSize, take: input.pageSize }),
  ]);
  const tenants = new Map((await db.tenant.findMany({ select: { id: true, slug: true } })).map((t) => [t.id, t.slug]));
  const items: TAuditEventDto[] = rows.map((r) => ({
    id: r.id, requestId: r.requestId, createdAt: r.createdAt.toISOString(), tenant: r.tenantId ? (tenants.get(r.tenantId) ?? null) : null,
    actor: r.actorLabel, actorKind: r.actorKind, via: r.via, action: r.action, resource: `${r.resourceType}${r.resourceId ? `:${r.resourceId}` : ''}`,
    toolSlug: r.toolSlug, outcome: r.outcome, errorCode: r.errorCode, latencyMs: r.latencyMs, resourcesTouched: r.resourcesTouched,
  }));
  return { items, total, page: input.page, pageSize: input.pageSize, pageCount: Math.max(1, Math.ceil(total / input.pageSize)) };
}
