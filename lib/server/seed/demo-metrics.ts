// Thirty days of agent traffic for the Metrics page (several agents per tenant, tasks made of calls sharing a trace
// id, held refunds, a bad week for http_fetch with a kill switch), the tool requests whose first successful call
// ends time-to-integrate over the last six months, and the rollup of it all, so the page is alive after `npm start`.
// Idempotent: keyed on its own audit rows.
import type { Prisma, PrismaClient, Tenant } from '@/lib/generated/prisma/client';
import { generateAgentToken } from '@/lib/server/crypto';
import { newRequestId } from '@/lib/server/ids';
import { rollupAll } from '@/lib/server/rollups/rollup';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const NOTE = 'demo metrics';

interface Profile { latency: number; errorRate: number; cost: number; held?: number }
const PROFILES: Record<string, Profile> = {
  kb_search: { latency: 45, errorRate: 0.001, cost: 40 },
  sql_query: { latency: 120, errorRate: 0.002, cost: 150 },
  ticket_search: { latency: 60, errorRate: 0.001, cost: 50 },
  ticket_create: { latency: 180, errorRate: 0.002, cost: 120 },
  http_fetch: { latency: 260, errorRate: 0.004, cost: 300 },
  github_search_issues: { latency: 380, errorRate: 0.003, cost: 250 },
  email_send: { latency: 420, errorRate: 0.002, cost: 200 },
  payment_refund: { latency: 300, errorRate: 0.001, cost: 800, held: 0.6 },
};
const TRAFFIC: Record<string, { tools: string[]; agents: string[]; perDay: number }> = {
  acme: { tools: ['kb_search', 'sql_query', 'ticket_search', 'ticket_create', 'http_fetch', 'email_send', 'payment_refund'], agents: ['helpdesk-assistant', 'ops-copilot', 'reporting-bot'], perDay: 70 },
  globex: { tools: ['kb_search', 'ticket_search', 'github_search_issues', 'http_fetch', 'ticket_create'], agents: ['helpdesk-assistant', 'eng-triage-bot'], perDay: 45 },
};
/** Who asked for each tool, when, and when its first successful call came (days ago). */
const INTEGRATIONS = [
  { tool: 'kb_search', tenant: 'acme', title: 'Knowledge-base search for support agents', submitted: 170, firstCall: 163 },
  { tool: 'ticket_search', tenant: 'globex', title: 'Ticket search for the helpdesk bot', submitted: 140, firstCall: 135 },
  { tool: 'sql_query', tenant: 'acme', title: 'Read-only SQL on orders and invoices', submitted: 110, firstCall: 104 },
  { tool: 'github_search_issues', tenant: 'globex', title: 'GitHub issue search for triage', submitted: 75, firstCall: 71.5 },
  { tool: 'ticket_create', tenant: 'acme', title: 'Create support tickets from chats', submitted: 50, firstCall: 47 },
  { tool: 'http_fetch', tenant: 'acme', title: 'Fetch allow-listed documentation pages', submitted: 40, firstCall: 38.2 },
  { tool: 'email_send', tenant: 'acme', title: 'Send customer follow-up emails', submitted: 24, firstCall: 23 },
];

function prng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1103515245 + 12345) >>> 0) / 2 ** 32);
}

async function ensureToken(db: PrismaClient, tenant: Tenant, name: string): Promise<string> {
  const existing = await db.agentToken.findFirst({ where: { tenantId: tenant.id, name }, select: { id: true } });
  if (existing) return existing.id;
  const admin = await db.user.findUniqueOrThrow({ where: { email: `tenant-admin@${tenant.slug}.example` }, select: { id: true } });
  const g = generateAgentToken();
  const t = await db.agentToken.create({
    data: { tenantId: tenant.id, name, prefix: g.prefix, tokenHash: g.hash, scopes: [], createdById: admin.id, createdAt: new Date(Date.now() - 180 * DAY) },
    select: { id: true },
  });
  return t.id;
}

/** Writes the history once; returns whether it wrote anything (then the caller rolls it up). */
export async function seedMetricsHistory(db: PrismaClient, tenants: Tenant[]): Promise<boolean> {
  if (await db.auditEvent.findFirst({ where: { via: 'seed', details: { path: ['note'], equals: NOTE } }, select: { id: true } })) return false;
  const now = Date.now();
  const tools = new Map((await db.tool.findMany({ select: { id: true, slug: true, servedVersion: true } })).map((t) => [t.slug, t]));
  const admin = await db.user.findUniqueOrThrow({ where: { email: 'admin@example.com' }, select: { id: true, email: true } });
  const rows: Prisma.AuditEventCreateManyInput[] = [];
  const startOf = new Map(INTEGRATIONS.map((i) => [`${i.tenant}|${i.tool}`, Math.min(30, i.firstCall)]));

  for (const tenant of tenants) {
    const plan = TRAFFIC[tenant.slug];
    if (!plan) continue;
    const rnd = prng(tenant.slug.length * 7919 + 17);
    const agents = await Promise.all(plan.agents.map(async (a) => ({ id: await ensureToken(db, tenant, `${tenant.slug}-${a}`), label: `token:${tenant.slug}-${a}` })));
    const live = plan.tools.filter((t) => tools.has(t));
    const call = (at: number, slug: string, agent: { id: string; label: string }, traceId: string | null) => {
      const tool = tools.get(slug)!;
      const p = PROFILES[slug]!;
      const daysAgo = (now - at) / DAY;
      const badWeek = slug === 'http_fetch' && daysAgo > 9 && daysAgo < 13; // the upstream's outage
      const roll = rnd();
      const outcome = p.held && roll < p.held ? 'pending_approval' : roll > 0.97 ? 'denied' : rnd() < (badWeek ? 0.16 : p.errorRate) ? 'error' : 'success';
      const latency = Math.round(p.latency * (0.5 + rnd()) * (badWeek ? 3.5 : 1) + (rnd() < 0.05 ? p.latency * 4 * rnd() : 0));
      rows.push({
        requestId: newRequestId(), tenantId: tenant.id, actorKind: 'agent', actorId: agent.id, actorLabel: agent.label, via: 'seed',
        action: 'tool.called', resourceType: 'tool', resourceId: slug, toolSlug: slug, toolVersion: tool.servedVersion, outcome,
        errorCode: outcome === 'denied' ? 'RATE_LIMITED' : outcome === 'error' ? 'UPSTREAM_ERROR' : outcome === 'pending_approval' ? 'APPROVAL_REQUIRED' : null,
        latencyMs: outcome === 'denied' ? 2 : outcome === 'pending_approval' ? 15 : latency, costMicros: outcome === 'success' || outcome === 'error' ? Math.round(p.cost * (0.8 + rnd() * 0.4)) : 0,
        resourcesTouched: [], traceId, details: { note: NOTE }, createdAt: new Date(Math.min(at, now - 1000)),
      });
    };
    // Tasks of one to three calls by one agent sharing a trace id (some callers send none: a task per call).
    const task = (at: number, from: number) => {
      const agent = agents[Math.floor(rnd() * agents.length)]!;
      const traced = rnd() < 0.85;
      const traceId = traced ? Array.from({ length: 4 }, () => Math.floor(rnd() * 2 ** 32).toString(16).padStart(8, '0')).join('') : null;
      const n = 1 + Math.floor(rnd() * 3);
      for (let k = 0; k < n; k++) {
        const candidates = live.filter((slug) => (now - at) / DAY <= (startOf.get(`${tenant.slug}|${slug}`) ?? 30) && at >= from);
        if (candidates.length === 0) return;
        call(at + k * (2000 + rnd() * 8000), candidates[Math.floor(rnd() * candidates.length)]!, agent, traceId);
      }
    };
    for (let d = 29; d >= 0; d--) {
      const dayStart = Math.floor(now / DAY) * DAY - d * DAY;
      const weekend = [0, 6].includes(new Date(dayStart).getUTCDay());
      const tasks = Math.round((plan.perDay / 2) * (weekend ? 0.35 : 1) * (0.8 + rnd() * 0.4));
      for (let i = 0; i < tasks; i++) {
        const hour = 6 + rnd() * 13 + (rnd() < 0.15 ? rnd() * 5 : 0); // office hours, some evening work
        const at = dayStart + hour * HOUR;
        if (at < now - 2 * HOUR) task(at, now - 30 * DAY);
      }
    }
    // The last two hours, busier, so the 1 h window shows live traffic.
    for (let i = 0; i < 30; i++) task(now - rnd() * 2 * HOUR, now - 30 * DAY);
  }

  // The integrations: each request's first successful call (older ones, before the 30 days of traffic).
  for (const i of INTEGRATIONS) {
    const tenant = tenants.find((t) => t.slug === i.tenant);
    const tool = tools.get(i.tool);
    if (!tenant || !tool) continue;
    const requester = await db.user.findUniqueOrThrow({ where: { email: `requester@${tenant.slug}.example` }, select: { id: true } });
    const submitted = new Date(now - i.submitted * DAY);
    const first = new Date(now - i.firstCall * DAY);
    const req = await db.toolRequest.create({
      data: {
        tenantId: tenant.id, requesterId: requester.id, title: i.title, useCase: `Agents need ${i.tool} in their daily work.`, workflow: 'support', ownerTeam: 'Support',
        dataConsulted: 'See use case', dataWritten: 'None', dataClassification: 'internal', externalHosts: [], expectedVolume: 100, requestedScopes: [],
        status: 'published', riskLevel: 'low', riskScore: 10, toolId: tool.id, createdAt: new Date(submitted.getTime() - 2 * HOUR), submittedAt: submitted,
        decidedAt: new Date(submitted.getTime() + (first.getTime() - submitted.getTime()) * 0.5), publishedAt: new Date(submitted.getTime() + (first.getTime() - submitted.getTime()) * 0.7),
        firstActivatedAt: new Date(first.getTime() - HOUR),
      },
    });
    await db.toolRequestEvent.createMany({ data: [
      { requestId: req.id, actorId: requester.id, type: 'created', toStatus: 'draft', createdAt: req.createdAt },
      { requestId: req.id, actorId: requester.id, type: 'submitted', fromStatus: 'draft', toStatus: 'submitted', createdAt: submitted },
    ] });
    if (i.firstCall > 30) {
      const agent = await ensureToken(db, tenant, `${tenant.slug}-${TRAFFIC[tenant.slug]!.agents[0]}`);
      rows.push({
        requestId: newRequestId(), tenantId: tenant.id, actorKind: 'agent', actorId: agent, actorLabel: `token:${tenant.slug}-${TRAFFIC[tenant.slug]!.agents[0]}`, via: 'seed',
        action: 'tool.called', resourceType: 'tool', resourceId: i.tool, toolSlug: i.tool, toolVersion: tool.servedVersion, outcome: 'success',
        latencyMs: PROFILES[i.tool]?.latency ?? 100, costMicros: PROFILES[i.tool]?.cost ?? 100, resourcesTouched: [], details: { note: NOTE, first: true }, createdAt: first,
      });
    }
  }

  // Kill switches in the history: acme switched http_fetch off during the outage; a global one in October.
  const acme = tenants.find((t) => t.slug === 'acme');
  const kill = (slug: string, tenantId: string | null, at: number, killed: boolean, reason: string) => {
    const tool = tools.get(slug);
    if (!tool) return;
    rows.push({
      requestId: newRequestId(), tenantId, actorKind: 'user', actorId: admin.id, actorLabel: admin.email, via: 'seed', action: killed ? 'tool.killed' : 'tool.revived',
      resourceType: 'tool', resourceId: tool.id, toolSlug: slug, outcome: 'success', resourcesTouched: [`tool:${slug}`], details: { note: NOTE, scope: tenantId ? 'tenant' : 'global', reason }, createdAt: new Date(at),
    });
  };
  if (acme) {
    kill('http_fetch', acme.id, now - 11 * DAY, true, 'The documentation host answers 5xx; off while the vendor investigates.');
    kill('http_fetch', acme.id, now - 10.6 * DAY, false, 'Vendor fixed the upstream.');
  }
  kill('github_search_issues', null, now - 52 * DAY, true, 'Token leaked in a log; rotating it.');
  kill('github_search_issues', null, now - 51.9 * DAY, false, 'Token rotated.');

  rows.sort((a, b) => (a.createdAt as Date).getTime() - (b.createdAt as Date).getTime());
  for (let i = 0; i < rows.length; i += 1000) await db.auditEvent.createMany({ data: rows.slice(i, i + 1000) });
  return true;
}

/** Rolls up what the seed wrote. Only while the seed is the sole writer: it reads past the sealed prefix. */
export async function rollupSeededHistory(db: PrismaClient): Promise<void> {
  await rollupAll(db, { sealedOnly: false });
}
