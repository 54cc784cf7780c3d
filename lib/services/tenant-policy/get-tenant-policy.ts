import 'server-only';
// Everything the settings page shows for one tenant: egress allowlist, PII rules, data scopes, default limits and
// the approval rule of every tool. Secrets are listed by their own service (only their last 4 characters).
import { isApprovalCondition } from '@/lib/activation';
import { assertCan, type Actor } from '@/lib/policy';
import { DEFAULT_APPROVAL_TTL_MINUTES } from '@/lib/schemas/approvals';
import { ZPiiRules } from '@/lib/schemas/tenant-policy';
import type { TTenantPolicyDto } from '@/lib/schemas/settings-view';
import { getDb } from '@/lib/server/db/client';

export async function getTenantPolicy({ actor, tenantId }: { actor: Actor; tenantId: string }): Promise<TTenantPolicyDto> {
  assertCan(actor, 'settings.read', { tenantId });
  const db = await getDb();
  const [tenant, tools] = await Promise.all([
    db.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { id: true, slug: true, name: true, policy: true, toolPolicies: { select: { toolId: true, approvalMode: true, approvalCondition: true, approvalsRequired: true, approvalTtlMinutes: true } } } }),
    db.tool.findMany({ where: { lifecycle: { in: ['published', 'deprecated'] } }, orderBy: { slug: 'asc' }, select: { id: true, slug: true, title: true, critical: true } }),
  ]);
  const p = tenant.policy;
  const pii = ZPiiRules.safeParse(p?.piiRules ?? {});
  return {
    tenant: { id: tenant.id, slug: tenant.slug, name: tenant.name },
    egressAllowlist: p?.egressAllowlist ?? [],
    piiRules: pii.success ? pii.data : ZPiiRules.parse({}),
    dataScopes: p?.dataScopes ?? [],
    defaults: { requestsPerMinute: p?.defaultRequestsPerMinute ?? 120, callsPerDay: p?.defaultCallsPerDay ?? 10_000 },
    approvalRules: tools.map((t) => {
      const tp = tenant.toolPolicies.find((x) => x.toolId === t.id);
      return {
        toolId: t.id, slug: t.slug, title: t.title, critical: t.critical, mode: tp?.approvalMode ?? 'never',
        condition: isApprovalCondition(tp?.approvalCondition) ? tp.approvalCondition : null, approvalsRequired: tp?.approvalsRequired ?? 1,
        approvalTtlMinutes: tp?.approvalTtlMinutes ?? DEFAULT_APPROVAL_TTL_MINUTES,
      };
    }),
    updatedAt: p?.updatedAt.toISOString() ?? null,
  };
}
