import 'server-only';
// Export in the plan's activation policy format: one document per subject (tenant, team, user) and limits group,
// {"tenant_id","team_id"|"user_id","enabled_tools":[…],"tool_limits":{…}}. Importing the export changes nothing.
import { assertCan, canCrossTenants, type Actor } from '@/lib/policy';
import type { TActivationPolicyDoc } from '@/lib/schemas/activation';
import { getDb } from '@/lib/server/db/client';
import { resolveTenantFor } from './shared';

export async function exportActivationPolicy({ actor, tenant }: { actor: Actor; tenant?: string | null }): Promise<TActivationPolicyDoc[]> {
  assertCan(actor, 'activation.read');
  const db = await getDb();
  const tenants = tenant || !canCrossTenants(actor) ? [await resolveTenantFor(db, actor, tenant)] : await db.tenant.findMany({ orderBy: { slug: 'asc' }, select: { id: true, slug: true, name: true } });
  for (const t of tenants) assertCan(actor, 'activation.read', { tenantId: t.id });
  const [rules, policies] = await Promise.all([
    db.toolActivation.findMany({
      where: { tenantId: { in: tenants.map((t) => t.id) }, enabled: true },
      select: { tenantId: true, scope: true, enabled: true, tool: { select: { id: true, slug: true } }, team: { select: { slug: true } }, userId: true },
    }),
    db.tenantToolPolicy.findMany({ where: { tenantId: { in: tenants.map((t) => t.id) } }, select: { tenantId: true, toolId: true, requestsPerMinute: true, callsPerDay: true } }),
  ]);
  const docs: TActivationPolicyDoc[] = [];
  const scopeOrder = { tenant: 0, team: 1, user: 2 } as const;
  for (const t of tenants) {
    const mine = rules.filter((r) => r.tenantId === t.id).sort((a, b) => scopeOrder[a.scope] - scopeOrder[b.scope] || (a.team?.slug ?? a.userId ?? '').localeCompare(b.team?.slug ?? b.userId ?? '') || a.tool.slug.localeCompare(b.tool.slug));
    const limitsWritten = new Set<string>();
    type Rule = (typeof mine)[number];
    const subjects = new Map<string, { subject: Partial<TActivationPolicyDoc>; tools: Rule[] }>();
    for (const r of mine) {
      const key = r.scope === 'tenant' ? 'tenant' : r.scope === 'team' ? `team:${r.team?.slug}` : `user:${r.userId}`;
      const subject = r.scope === 'team' ? { team_id: r.team!.slug } : r.scope === 'user' ? { user_id: r.userId! } : {};
      const entry = subjects.get(key) ?? { subject, tools: [] as Rule[] };
      entry.tools.push(r);
      subjects.set(key, entry);
    }
    for (const { subject, tools } of subjects.values()) {
      // Limits are per tenant × tool: written once, with the first subject that enables the tool.
      const groups = new Map<string, { limits: TActivationPolicyDoc['tool_limits']; slugs: string[] }>();
      for (const r of tools) {
        const p = policies.find((x) => x.tenantId === t.id && x.toolId === r.tool.id);
        const own = !limitsWritten.has(r.tool.id) && (p?.requestsPerMinute != null || p?.callsPerDay != null)
          ? { ...(p?.requestsPerMinute != null ? { requests_per_min: p.requestsPerMinute } : {}), ...(p?.callsPerDay != null ? { calls_per_day: p.callsPerDay } : {}) }
          : undefined;
        limitsWritten.add(r.tool.id);
        const gk = JSON.stringify(own ?? null);
        const g = groups.get(gk) ?? { limits: own, slugs: [] };
        g.slugs.push(r.tool.slug);
        groups.set(gk, g);
      }
      for (const g of groups.values()) {
        docs.push({ ...(subject.user_id ? { user_id: subject.user_id } : {}), tenant_id: t.slug, ...(subject.team_id ? { team_id: subject.team_id } : {}), enabled_tools: g.slugs, ...(g.limits ? { tool_limits: g.limits } : {}) });
      }
    }
  }
  return docs;
}
