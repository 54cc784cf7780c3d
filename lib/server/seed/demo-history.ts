// Tool requests in several states with their timelines, and two weeks of audit history (tool calls with
// latencies, denials and errors) so that every page of the portal looks alive.
import type { Prisma, PrismaClient, Tenant } from '@/lib/generated/prisma/client';
import { newRequestId } from '@/lib/server/ids';

function prng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1103515245 + 12345) >>> 0) / 2 ** 32);
}

interface RequestPlan {
  title: string; useCase: string; workflow: string; ownerTeam: string; dataClassification: 'public' | 'internal' | 'confidential' | 'pii';
  status: 'draft' | 'submitted' | 'in_review' | 'changes_requested' | 'approved' | 'rejected' | 'published';
  riskLevel: 'low' | 'medium' | 'high' | 'critical'; riskScore: number; writeActions: boolean; criticalActions: boolean; hosts: string[]; daysAgo: number;
}

const REQUESTS: RequestPlan[] = [
  { title: 'CRM contact lookup', useCase: 'Support agents need the customer record while answering tickets.', workflow: 'support', ownerTeam: 'Support', dataClassification: 'pii', status: 'in_review', riskLevel: 'high', riskScore: 55, writeActions: false, criticalActions: false, hosts: ['crm.internal.example'], daysAgo: 3 },
  { title: 'Payroll calendar reader', useCase: 'HR assistant answers "when is the next payday".', workflow: 'hr', ownerTeam: 'HR', dataClassification: 'internal', status: 'submitted', riskLevel: 'low', riskScore: 10, writeActions: false, criticalActions: false, hosts: [], daysAgo: 1 },
  { title: 'Supplier payout scheduler', useCase: 'Finance schedules supplier payouts from approved invoices.', workflow: 'finance', ownerTeam: 'Finance', dataClassification: 'confidential', status: 'changes_requested', riskLevel: 'critical', riskScore: 80, writeActions: true, criticalActions: true, hosts: ['bank-api.example'], daysAgo: 6 },
  { title: 'Knowledge-base search', useCase: 'Answer support questions from our KB.', workflow: 'support', ownerTeam: 'Support', dataClassification: 'internal', status: 'published', riskLevel: 'low', riskScore: 10, writeActions: false, criticalActions: false, hosts: [], daysAgo: 20 },
  { title: 'Social media poster', useCase: 'Marketing wants agents to post on social networks.', workflow: 'other', ownerTeam: 'Support', dataClassification: 'public', status: 'rejected', riskLevel: 'high', riskScore: 50, writeActions: true, criticalActions: true, hosts: ['api.social.example'], daysAgo: 12 },
  { title: 'Leave balance checker', useCase: 'Employees ask the HR bot how many days off they have left.', workflow: 'hr', ownerTeam: 'HR', dataClassification: 'pii', status: 'draft', riskLevel: 'medium', riskScore: 35, writeActions: false, criticalActions: false, hosts: [], daysAgo: 0 },
];

const DAY = 86_400_000;

export async function seedRequestsAndHistory(db: PrismaClient, tenants: Tenant[]): Promise<void> {
  const reviewer = await db.user.findUniqueOrThrow({ where: { email: 'reviewer@example.com' } });
  for (const t of tenants) {
    const requester = await db.user.findUniqueOrThrow({ where: { email: `requester@${t.slug}.example` } });
    if ((await db.toolRequest.count({ where: { tenantId: t.id } })) === 0) {
      for (const r of REQUESTS) {
        const created = new Date(Date.now() - r.daysAgo * DAY - 2 * 36e5);
        const submitted = r.status === 'draft' ? null : new Date(created.getTime() + 36e5);
        const req = await db.toolRequest.create({
          data: {
            tenantId: t.id, requesterId: requester.id, title: r.title, useCase: r.useCase, workflow: r.workflow, ownerTeam: r.ownerTeam,
            dataConsulted: 'See use case', dataWritten: r.writeActions ? 'Records in the target system' : 'None',
            dataClassification: r.dataClassification, externalHosts: r.hosts, writeActions: r.writeActions, criticalActions: r.criticalActions,
            expectedVolume: 200, requestedScopes: [], status: r.status, riskLevel: r.riskLevel, riskScore: r.riskScore,
            requiredApprovals: r.riskLevel === 'high' || r.riskLevel === 'critical' ? 2 : 1, submittedAt: submitted, createdAt: created,
            decidedAt: ['approved', 'rejected', 'published'].includes(r.status) ? new Date(created.getTime() + 2 * DAY) : null,
            publishedAt: r.status === 'published' ? new Date(created.getTime() + 3 * DAY) : null,
            firstActivatedAt: r.status === 'published' ? new Date(created.getTime() + 4 * DAY) : null,
          },
        });
        const events: Prisma.ToolRequestEventCreateManyInput[] = [{ requestId: req.id, actorId: requester.id, type: 'created', toStatus: 'draft', createdAt: created }];
        if (submitted) events.push({ requestId: req.id, actorId: requester.id, type: 'submitted', fromStatus: 'draft', toStatus: 'submitted', createdAt: submitted });
        if (r.status !== 'draft' && r.status !== 'submitted') {
          events.push({ requestId: req.id, actorId: reviewer.id, type: 'review_started', fromStatus: 'submitted', toStatus: 'in_review', createdAt: new Date(submitted!.getTime() + 36e5) });
        }
        if (r.status === 'changes_requested') events.push({ requestId: req.id, actorId: reviewer.id, type: 'changes_requested', fromStatus: 'in_review', toStatus: 'changes_requested', comment: 'Restrict the bank API scopes to read-only plus payout creation, and add an approval for payouts over 10,000 EUR.', createdAt: new Date(submitted!.getTime() + DAY) });
        if (r.status === 'rejected') events.push({ requestId: req.id, actorId: reviewer.id, type: 'rejected', fromStatus: 'in_review', toStatus: 'rejected', comment: 'Posting publicly on behalf of the company is out of scope for agents.', createdAt: new Date(submitted!.getTime() + DAY) });
        if (r.status === 'published') {
          events.push({ requestId: req.id, actorId: reviewer.id, type: 'approved', fromStatus: 'in_review', toStatus: 'approved', createdAt: new Date(submitted!.getTime() + DAY) });
          events.push({ requestId: req.id, actorId: reviewer.id, type: 'published', fromStatus: 'approved', toStatus: 'published', createdAt: new Date(submitted!.getTime() + 2 * DAY) });
        }
        await db.toolRequestEvent.createMany({ data: events });
      }
    }
  }
  if ((await db.auditEvent.count({ where: { via: 'seed' } })) > 0) return;
  const tools = await db.tool.findMany({ select: { id: true, slug: true, servedVersion: true, readOnly: true } });
  const rnd = prng(7);
  const rows: Prisma.AuditEventCreateManyInput[] = [];
  for (const t of tenants) {
    // History only for the read-only tools this tenant has switched on (tenant-wide), as its agents would call.
    const enabled = new Set((await db.toolActivation.findMany({ where: { tenantId: t.id, scope: 'tenant', enabled: true }, select: { toolId: true } })).map((a) => a.toolId));
    const readTools = tools.filter((x) => x.readOnly && enabled.has(x.id));
    if (readTools.length === 0) continue;
    for (let i = 0; i < 260; i++) {
      const tool = readTools[Math.floor(rnd() * readTools.length)]!;
      const roll = rnd();
      const outcome = roll < 0.9 ? 'success' : roll < 0.96 ? 'denied' : 'error';
      const latency = Math.round(8 + rnd() * 60 + (rnd() < 0.08 ? rnd() * 600 : 0) + (tool.slug === 'http_fetch' ? 120 : 0));
      rows.push({
        requestId: newRequestId(), tenantId: t.id, actorKind: 'agent', actorId: null, actorLabel: `${t.slug}-support-agent`, via: 'seed',
        action: 'tool.called', resourceType: 'tool', resourceId: tool.slug, toolSlug: tool.slug, toolVersion: tool.servedVersion,
        outcome, errorCode: outcome === 'denied' ? 'RATE_LIMITED' : outcome === 'error' ? 'TIMEOUT' : null,
        latencyMs: outcome === 'denied' ? 2 : latency, costMicros: Math.round(latency * 3), inputBytes: 60 + Math.floor(rnd() * 200),
        outputBytes: outcome === 'success' ? 500 + Math.floor(rnd() * 4000) : 0, resourcesTouched: [`${tool.slug}:${t.slug}`],
        details: { note: 'demo history' }, createdAt: new Date(Date.now() - rnd() * 14 * DAY),
      });
    }
  }
  await db.auditEvent.createMany({ data: rows });
}
