// Realistic, idempotent demo data: two tenants, their teams and users, activations, policies, a knowledge
// base, tickets, tool requests in several states, held critical calls and two weeks of audit history.
import type { PrismaClient, Role } from '@/lib/generated/prisma/client';
import { hash } from '@node-rs/argon2';
import { ensureDataset } from './dataset';
import { seedKnowledgeAndTickets } from './demo-content';
import { seedApprovals } from './demo-approvals';
import { seedRequestsAndHistory } from './demo-history';
import { rollupSeededHistory, seedMetricsHistory } from './demo-metrics';
import { seedCandidateEstimates } from './demo-candidates';

export const DEMO_PASSWORD = 'demo-password';

const TENANTS = [
  { slug: 'acme', name: 'Acme Corp', seed: 11 },
  { slug: 'globex', name: 'Globex Industries', seed: 29 },
];
const TEAMS = [
  { slug: 'support', name: 'Support' },
  { slug: 'finance', name: 'Finance' },
  { slug: 'hr', name: 'HR' },
];

interface DemoUser { email: string; name: string; roles: Role[]; tenant: string | null; teams: string[] }

export function demoUsers(): DemoUser[] {
  const staff: DemoUser[] = [
    { email: 'admin@example.com', name: 'Paula Admin', roles: ['platform_admin'], tenant: null, teams: [] },
    { email: 'reviewer@example.com', name: 'Samir Reviewer', roles: ['security_reviewer'], tenant: null, teams: [] },
    { email: 'reviewer2@example.com', name: 'Rita Reviewer', roles: ['security_reviewer'], tenant: null, teams: [] },
    { email: 'auditor@example.com', name: 'Aude Auditor', roles: ['auditor'], tenant: null, teams: [] },
  ];
  const perTenant = TENANTS.flatMap(({ slug, name }) => {
    const org = name.split(' ')[0];
    return [
      { email: `requester@${slug}.example`, name: `Rémi Requester (${org})`, roles: ['requester'] as Role[], tenant: slug, teams: ['support'] },
      { email: `owner@${slug}.example`, name: `Olivia Owner (${org})`, roles: ['tool_owner'] as Role[], tenant: slug, teams: ['finance'] },
      { email: `operator@${slug}.example`, name: `Omar Operator (${org})`, roles: ['operator'] as Role[], tenant: slug, teams: ['support'] },
      { email: `tenant-admin@${slug}.example`, name: `Tania Admin (${org})`, roles: ['tenant_admin'] as Role[], tenant: slug, teams: ['support', 'finance', 'hr'] },
    ];
  });
  // A second acme operator: the two-person rule on large refunds needs two different people.
  const second: DemoUser = { email: 'operator2@acme.example', name: 'Oscar Operator (Acme)', roles: ['operator'], tenant: 'acme', teams: ['finance'] };
  return [...staff, ...perTenant, second];
}

const ACTIVATIONS: Record<string, { tenantWide: string[]; teams: Record<string, string[]>; disabled: string[] }> = {
  acme: {
    tenantWide: ['kb_search', 'sql_query', 'ticket_search', 'ticket_create', 'http_fetch'],
    teams: { support: ['email_send'], finance: ['payment_refund'] },
    disabled: ['record_delete'],
  },
  globex: { tenantWide: ['kb_search', 'ticket_search', 'github_search_issues', 'http_fetch'], teams: { hr: ['ticket_create'] }, disabled: [] },
};

const POLICIES: Record<string, { egress: string[]; scopes: string[] }> = {
  acme: { egress: ['docs.acme.example', '*.wikipedia.org', 'api.github.com'], scopes: ['customers', 'orders', 'invoices'] },
  globex: { egress: ['*.globex.example', 'api.github.com'], scopes: ['orders', 'invoices'] },
};

export async function seedDemo(db: PrismaClient): Promise<void> {
  const passwordHash = await hash(DEMO_PASSWORD, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
  const tools = new Map((await db.tool.findMany({ select: { id: true, slug: true } })).map((t) => [t.slug, t.id]));
  for (const t of TENANTS) {
    const tenant = await db.tenant.upsert({ where: { slug: t.slug }, create: { slug: t.slug, name: t.name }, update: {} });
    for (const team of TEAMS) {
      await db.team.upsert({ where: { tenantId_slug: { tenantId: tenant.id, slug: team.slug } }, create: { tenantId: tenant.id, ...team }, update: {} });
    }
    const p = POLICIES[t.slug]!;
    await db.tenantPolicy.upsert({
      where: { tenantId: tenant.id },
      create: { tenantId: tenant.id, egressAllowlist: p.egress, dataScopes: p.scopes, piiRules: { email: true, phone: true, iban: true, card: true, nir: true, custom: [] } },
      update: {},
    });
    await ensureDataset(db, t.slug, t.seed);
  }
  // The demo tenants only: a re-run (every npm start) leaves tenants created since alone.
  const tenants = new Map((await db.tenant.findMany({ where: { slug: { in: TENANTS.map((t) => t.slug) } } })).map((x) => [x.slug, x]));
  const teams = await db.team.findMany();
  const teamId = (tenantSlug: string, slug: string) => teams.find((x) => x.tenantId === tenants.get(tenantSlug)!.id && x.slug === slug)!.id;

  for (const u of demoUsers()) {
    const tenantId = u.tenant ? tenants.get(u.tenant)!.id : null;
    const user = await db.user.upsert({
      where: { email: u.email },
      create: { email: u.email, name: u.name, roles: u.roles, tenantId, passwordHash },
      update: {},
    });
    for (const team of u.teams) {
      const id = teamId(u.tenant!, team);
      await db.teamMember.upsert({ where: { teamId_userId: { teamId: id, userId: user.id } }, create: { teamId: id, userId: user.id }, update: {} });
    }
  }
  const admin = await db.user.findUniqueOrThrow({ where: { email: 'admin@example.com' } });
  const owner = await db.user.findUniqueOrThrow({ where: { email: 'owner@acme.example' } });
  await db.tool.updateMany({ where: { slug: { in: ['payment_refund'] }, ownerUserId: null }, data: { ownerUserId: owner.id } });

  for (const [slug, plan] of Object.entries(ACTIVATIONS)) {
    const tenantId = tenants.get(slug)!.id;
    const rules: { toolSlug: string; scope: 'tenant' | 'team'; teamId?: string; enabled: boolean }[] = [
      ...plan.tenantWide.map((toolSlug) => ({ toolSlug, scope: 'tenant' as const, enabled: true })),
      ...plan.disabled.map((toolSlug) => ({ toolSlug, scope: 'tenant' as const, enabled: false })),
      ...Object.entries(plan.teams).flatMap(([team, list]) => list.map((toolSlug) => ({ toolSlug, scope: 'team' as const, teamId: teamId(slug, team), enabled: true }))),
    ];
    for (const r of rules) {
      const toolId = tools.get(r.toolSlug);
      if (!toolId) continue;
      const scopeKey = r.scope === 'tenant' ? 'tenant' : `team:${r.teamId}`;
      await db.toolActivation.upsert({
        where: { tenantId_toolId_scopeKey: { tenantId, toolId, scopeKey } },
        create: { tenantId, toolId, scope: r.scope, teamId: r.teamId ?? null, scopeKey, enabled: r.enabled, reason: 'Initial rollout (demo)', updatedById: admin.id },
        update: {},
      });
    }
    const refund = tools.get('payment_refund');
    if (refund) {
      await db.tenantToolPolicy.upsert({
        where: { tenantId_toolId: { tenantId, toolId: refund } },
        // acme: two operators above 500 (the two-person rule); one below, as for any critical tool.
        create: { tenantId, toolId: refund, approvalMode: 'conditional', approvalCondition: { field: 'amount', op: 'gt', value: 500 }, approvalsRequired: slug === 'acme' ? 2 : 1, requestsPerMinute: 10, callsPerDay: 200 },
        update: {},
      });
    }
  }
  await seedKnowledgeAndTickets(db, [...tenants.values()]);
  await seedRequestsAndHistory(db, [...tenants.values()]);
  await seedApprovals(db, [...tenants.values()]); // after the history: its audit rows would otherwise count as history
  // Last: the rollup behind the Metrics page then covers every audit row the seed wrote.
  await seedCandidateEstimates(db);
  if (await seedMetricsHistory(db, [...tenants.values()])) await rollupSeededHistory(db);
}
