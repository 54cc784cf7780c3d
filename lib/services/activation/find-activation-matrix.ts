import 'server-only';
// The platform matrix: tenants × tools, each cell the tenant-level rule (on / off / rollout / none), the tenant kill
// switch and pin, how many team and user overrides exist, and the effective state for the tenant as a whole.
import { resolveToolAccess, type AccessContext } from '@/lib/activation';
import type { Prisma } from '@/lib/generated/prisma/client';
import { assertCan, canCrossTenants, type Actor } from '@/lib/policy';
import { ZFindActivationMatrixInput, type TActivationMatrix, type TFindActivationMatrixInput, type TMatrixCellDto } from '@/lib/schemas/activation-view';
import { parseInput } from '@/lib/server/boundary';
import { getDb } from '@/lib/server/db/client';
import { AppError } from '@/lib/errors';
import { effectiveDto } from './get-activation-overview';

export async function findActivationMatrix({ actor, ...raw }: TFindActivationMatrixInput & { actor: Actor }): Promise<TActivationMatrix> {
  const input = parseInput(ZFindActivationMatrixInput, raw);
  assertCan(actor, 'activation.read');
  if (!canCrossTenants(actor)) throw new AppError('FORBIDDEN', { userMessage: 'The matrix of every tenant is for platform staff.' });
  const db = await getDb();
  const where: Prisma.TenantWhereInput = input.q ? { OR: [{ slug: { contains: input.q, mode: 'insensitive' } }, { name: { contains: input.q, mode: 'insensitive' } }] } : {};
  const [total, tenants, tools] = await Promise.all([
    db.tenant.count({ where }),
    db.tenant.findMany({
      where, orderBy: { slug: 'asc' }, skip: (input.page - 1) * input.pageSize, take: input.pageSize,
      select: {
        id: true, slug: true, name: true,
        policy: { select: { defaultRequestsPerMinute: true, defaultCallsPerDay: true } },
        toolPolicies: true,
        activations: { select: { toolId: true, scope: true, teamId: true, userId: true, enabled: true, rolloutPercent: true, reason: true } },
      },
    }),
    db.tool.findMany({
      where: { lifecycle: { not: 'draft' } }, orderBy: { slug: 'asc' },
      select: {
        id: true, slug: true, title: true, lifecycle: true, critical: true, killedGlobally: true, killedReason: true, servedVersion: true,
        versions: { where: { status: { in: ['approved', 'superseded'] } }, select: { version: true } },
      },
    }),
  ]);
  const accessTools = tools.map((t) => ({ ...t, versions: t.versions.map((v) => v.version) }));
  return {
    tools: tools.map((t) => ({ id: t.id, slug: t.slug, title: t.title, lifecycle: t.lifecycle, killedGlobally: t.killedGlobally, killedReason: t.killedReason })),
    tenants: tenants.map((t) => {
      const ctx: AccessContext = {
        tenant: { id: t.id, slug: t.slug, name: t.name },
        defaults: { requestsPerMinute: t.policy?.defaultRequestsPerMinute ?? 120, callsPerDay: t.policy?.defaultCallsPerDay ?? 10_000 },
        tools: accessTools,
        activations: t.activations,
        policies: t.toolPolicies,
        teams: [],
      };
      const cells: Record<string, TMatrixCellDto> = {};
      for (const tool of accessTools) {
        const rules = t.activations.filter((a) => a.toolId === tool.id);
        const tr = rules.find((a) => a.scope === 'tenant');
        const policy = t.toolPolicies.find((p) => p.toolId === tool.id);
        cells[tool.id] = {
          state: !tr ? 'none' : !tr.enabled ? 'off' : tr.rolloutPercent !== null && tr.rolloutPercent < 100 ? 'rollout' : 'on',
          rolloutPercent: tr?.rolloutPercent ?? null,
          killed: policy?.killed ?? false,
          pinnedVersion: policy?.pinnedVersion ?? null,
          overrides: { teams: rules.filter((a) => a.scope === 'team').length, users: rules.filter((a) => a.scope === 'user').length },
          effective: effectiveDto(resolveToolAccess(ctx, { teamIds: [], userId: null }, tool)),
        };
      }
      return { id: t.id, slug: t.slug, name: t.name, cells };
    }),
    total, page: input.page, pageSize: input.pageSize, pageCount: Math.max(1, Math.ceil(total / input.pageSize)),
  };
}
