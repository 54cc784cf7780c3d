// Integration-test fixture: a uniquely named tenant with two teams, a tenant admin and three users, plus a
// published tool of its own with versions 1 (superseded), 2 (approved, served) and 3 (draft). Tests that change
// activations, kill switches or secrets work on these, so they never disturb the demo data other suites rely on.
import { randomBytes } from 'node:crypto';
import type { Actor } from '@/lib/policy';
import { getDb } from '@/lib/server/db/client';

export interface FreshTenant {
  tenant: { id: string; slug: string };
  teams: { a: string; b: string };
  users: { inA: string; inB: string; inBoth: string };
  admin: Actor;
}

const uid = () => randomBytes(5).toString('hex');

export async function createFreshTenant(label = 't'): Promise<FreshTenant> {
  const db = await getDb();
  const slug = `${label}-${uid()}`;
  const tenant = await db.tenant.create({ data: { slug, name: `Test ${slug}`, policy: { create: { egressAllowlist: [], dataScopes: [] } } } });
  const a = await db.team.create({ data: { tenantId: tenant.id, slug: 'alpha', name: 'Alpha' } });
  const b = await db.team.create({ data: { tenantId: tenant.id, slug: 'beta', name: 'Beta' } });
  const user = async (name: string, teamIds: string[], roles: ('requester' | 'tenant_admin')[] = ['requester']) =>
    db.user.create({ data: { email: `${name}@${slug}.test`, name, tenantId: tenant.id, roles, teams: { create: teamIds.map((teamId) => ({ teamId })) } } });
  const [inA, inB, inBoth, admin] = [await user('ann', [a.id]), await user('bob', [b.id]), await user('cat', [a.id, b.id]), await user('admin', [], ['tenant_admin'])];
  return {
    tenant: { id: tenant.id, slug },
    teams: { a: a.id, b: b.id },
    users: { inA: inA.id, inB: inB.id, inBoth: inBoth.id },
    admin: { kind: 'user', id: admin.id, label: admin.email, tenantId: tenant.id, teamIds: [], roles: ['tenant_admin'], via: 'portal', ip: null },
  };
}

export async function createFreshTool(): Promise<{ id: string; slug: string }> {
  const db = await getDb();
  const slug = `it_tool_${uid()}`;
  const def = (version: number, status: 'superseded' | 'approved' | 'draft') => ({
    version, status, name: slug, description: `v${version}`, inputSchema: { type: 'object' }, annotations: { readOnlyHint: true }, definitionHash: `h${version}-${slug}`,
  });
  const tool = await db.tool.create({
    data: {
      slug, title: `IT tool ${slug}`, description: 'Integration test tool', category: 'test', lifecycle: 'published', ownerTeam: 'Platform',
      riskLevel: 'low', dataClassification: 'internal', servedVersion: 2,
      versions: { create: [def(1, 'superseded'), def(2, 'approved'), def(3, 'draft')] },
    },
  });
  return { id: tool.id, slug };
}

/** How many activation rules a tenant has (for "nothing was applied" checks from tests outside lib/). */
export async function countActivationRules(tenantId: string): Promise<number> {
  return (await getDb()).toolActivation.count({ where: { tenantId } });
}
