// The catalogue against a real database of its own (1,000 generated tools on top of the demo seed): search,
// filters, counts and pagination; owner edits → a new version in review → approval moves the served version;
// tenant isolation of usage; export escaping; notifications; the time-to-integrate KPI.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '@/lib/errors';
import type { Actor } from '@/lib/policy';
import { ZFindToolsInput, ZUpdateToolInput, type TFindToolsInput } from '@/lib/schemas/catalogue';
import { createTestDatabase, type TestDatabase } from '@/lib/testing/test-database';

let tdb: TestDatabase;
let requester: Actor, owner: Actor, reviewer: Actor, reviewer2: Actor, admin: Actor, globex: Actor;
let svc: {
  findTools: typeof import('./find-tools').findTools;
  updateTool: typeof import('./update-tool').updateTool;
  approveToolVersion: typeof import('./approve-tool-version').approveToolVersion;
  rejectToolVersion: typeof import('./reject-tool-version').rejectToolVersion;
  getToolOrThrow: typeof import('./get-tool').getToolOrThrow;
  findToolUsage: typeof import('./find-tool-usage').findToolUsage;
  exportTools: typeof import('./export-tools').exportTools;
};
let db: Awaited<ReturnType<typeof import('@/lib/server/db/client').getDb>>;

const find = (actor: Actor, q: Record<string, unknown> = {}) => svc.findTools({ actor, ...(ZFindToolsInput.parse(q) as TFindToolsInput) });

async function expectError(p: Promise<unknown>, code: string, message?: RegExp) {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(isAppError(e), `expected AppError ${code}, got ${String(e)}`).toBe(true);
  if (isAppError(e)) {
    expect(e.code).toBe(code);
    if (message) expect(e.userMessage).toMatch(message);
  }
}

beforeAll(async () => {
  tdb = await createTestDatabase();
  process.env.DATABASE_URL = tdb.url; // this file's own database: 1,000 extra tools never slow other suites
  const { getDb } = await import('@/lib/server/db/client');
  db = await getDb();
  const { seedBulkTools } = await import('@/lib/server/seed/bulk-tools');
  expect(await seedBulkTools(db, 1000)).toBe(1000);
  expect(await seedBulkTools(db, 1000)).toBe(0); // idempotent
  const { actorFor } = await import('@/lib/testing/actors');
  [requester, owner, reviewer, reviewer2, admin, globex] = await Promise.all([
    actorFor('requester@acme.example'), actorFor('owner@acme.example'), actorFor('reviewer@example.com'), actorFor('reviewer2@example.com'),
    actorFor('admin@example.com'), actorFor('requester@globex.example'),
  ]);
  svc = {
    findTools: (await import('./find-tools')).findTools, updateTool: (await import('./update-tool')).updateTool,
    approveToolVersion: (await import('./approve-tool-version')).approveToolVersion, rejectToolVersion: (await import('./reject-tool-version')).rejectToolVersion,
    getToolOrThrow: (await import('./get-tool')).getToolOrThrow, findToolUsage: (await import('./find-tool-usage')).findToolUsage,
    exportTools: (await import('./export-tools')).exportTools,
  };
}, 180_000);

afterAll(async () => {
  const { disconnectDb } = await import('@/lib/server/db/client');
  await disconnectDb();
  await tdb?.teardown();
});

describe('catalogue list', () => {
  it('counts, paginates in SQL without overlap and stays fast with 1,000+ tools', async () => {
    const t0 = performance.now();
    const p1 = await find(requester, { pageSize: 50 });
    const elapsed = performance.now() - t0;
    expect(p1.total).toBeGreaterThanOrEqual(1009);
    expect(p1.items).toHaveLength(50);
    expect(p1.pageCount).toBe(Math.ceil(p1.total / 50));
    const p2 = await find(requester, { pageSize: 50, page: 2 });
    expect(p2.items.map((t) => t.slug).filter((s) => p1.items.some((x) => x.slug === s))).toEqual([]);
    expect([...p1.items.map((t) => t.slug)]).toEqual([...p1.items.map((t) => t.slug)].sort());
    expect(Object.values(p1.counts.risk).reduce((a, b) => a + b, 0)).toBe(p1.total);
    expect(elapsed).toBeLessThan(3000);
  });

  it('searches name, description, tags and owner team, every word must match', async () => {
    const r = await find(requester, { q: 'invoices finance', pageSize: 100 });
    expect(r.total).toBeGreaterThan(0);
    for (const t of r.items) expect(`${t.slug} ${t.title} ${t.description} ${t.tags.join(' ')} ${t.ownerTeam} ${t.category}`.toLowerCase()).toMatch(/invoices[\s\S]*|finance/);
    expect((await find(requester, { q: 'kb_search' })).items.map((t) => t.slug)).toContain('kb_search');
    expect((await find(requester, { q: 'no-such-tool-anywhere' })).total).toBe(0);
  });

  it('filters by risk, data class, owner team, status, category and access, and counts facets', async () => {
    const r = await find(requester, { risk: 'critical', access: 'write', ownerTeam: 'finance', pageSize: 100 });
    expect(r.total).toBeGreaterThan(0);
    for (const t of r.items) expect([t.riskLevel, t.readOnly, t.ownerTeam]).toEqual(['critical', false, 'Finance']);
    const dep = await find(requester, { lifecycle: 'deprecated', category: 'hr', dataClassification: 'internal', pageSize: 100 });
    for (const t of dep.items) expect([t.lifecycle, t.category, t.dataClassification]).toEqual(['deprecated', 'hr', 'internal']);
    const all = await find(requester, {});
    expect(all.counts.lifecycle.deprecated).toBe((await find(requester, { lifecycle: 'deprecated' })).total);
    const riskSorted = await find(requester, { sort: 'risk_desc', pageSize: 5 });
    expect(riskSorted.items[0]?.riskLevel).toBe('critical');
  });

  it('"enabled for my tenant" follows the activation resolver; platform staff get a precise 400', async () => {
    const on = await find(requester, { enabled: 'yes', pageSize: 100 });
    const off = await find(requester, { enabled: 'no', pageSize: 5 });
    expect(on.total + off.total).toBe((await find(requester, {})).total);
    for (const t of on.items) expect(t.enabledForMe).toBe(true);
    expect(on.items.some((t) => t.slug.startsWith('bulk_'))).toBe(false);
    await expectError(find(admin, { enabled: 'yes' }), 'BAD_REQUEST', /enabled/);
    expect((await find(admin, {})).items[0]?.enabledForMe).toBeNull();
  });

  it('rejects unknown or malformed filters with precise messages', () => {
    const r = ZFindToolsInput.safeParse({ riks: 'high', risk: 'extreme', pageSize: '1000' });
    expect(r.success).toBe(false);
    const msgs = r.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(msgs).toEqual(expect.arrayContaining(['risk: risk must be one of low, medium, high, critical.', 'pageSize: pageSize is at most 100.']));
    expect(msgs.some((m) => m.includes('riks'))).toBe(true);
  });
});

describe('owner edits and versions', () => {
  const edit = async (actor: Actor, slug: string, patch: Record<string, unknown>) => {
    const t = await svc.getToolOrThrow({ actor: admin, slug });
    const s = t.served!;
    const base = {
      slug, category: t.category, ownerTeam: t.ownerTeam, tags: t.tags, dataRead: t.dataRead, dataWritten: t.dataWritten, timeoutMs: t.timeoutMs,
      maxInputBytes: t.maxInputBytes, maxOutputBytes: t.maxOutputBytes, sloP95Ms: t.sloP95Ms, sloSuccessRate: t.sloSuccessRate * 100, name: s.name,
      title: String(s.annotations.title ?? t.title), description: s.description, inputSchema: JSON.stringify(s.inputSchema), outputSchema: s.outputSchema ? JSON.stringify(s.outputSchema) : '',
      readOnlyHint: s.annotations.readOnlyHint === true, destructiveHint: s.annotations.destructiveHint === true, idempotentHint: s.annotations.idempotentHint === true,
      openWorldHint: s.annotations.openWorldHint === true, changeNote: '',
    };
    return svc.updateTool({ actor, ...ZUpdateToolInput.parse({ ...base, ...patch }) });
  };

  it('record fields change in place; what agents see becomes a version in review, served only after approval', async () => {
    const before = await svc.getToolOrThrow({ actor: owner, slug: 'payment_refund' });
    expect(before.canEdit).toBe(true);
    const r1 = await edit(owner, 'payment_refund', { timeoutMs: 7000, tags: 'finance, payment, write, refunds' });
    expect(r1).toMatchObject({ changedFields: ['tags', 'timeoutMs'], proposedVersion: null });
    const mid = await svc.getToolOrThrow({ actor: owner, slug: 'payment_refund' });
    expect(mid.timeoutMs).toBe(7000);
    expect(mid.versions).toHaveLength(before.versions.length);

    const r2 = await edit(owner, 'payment_refund', { description: 'Refunds part or all of an invoice. Needs a human approval before it runs.', changeNote: 'Clearer wording' });
    expect(r2.proposedVersion).toBe(before.versions[0]!.version + 1);
    const pending = await svc.getToolOrThrow({ actor: owner, slug: 'payment_refund' });
    expect(pending.servedVersion).toBe(before.servedVersion);
    expect(pending.pendingVersion?.changes).toEqual(['Description changed']);
    expect(pending.description).toBe(before.description);

    await expectError(edit(owner, 'payment_refund', { description: 'Yet another description that is long enough.' }), 'CONFLICT', /already in review/);
    const notes = await db.notification.findMany({ where: { userId: reviewer.id, kind: 'tool_version.submitted' } });
    expect(notes.some((n) => n.href === `/reviews/versions/${pending.pendingVersion!.id}`)).toBe(true);

    // A critical tool's version needs two different reviewers, like a request.
    const first = await svc.approveToolVersion({ actor: reviewer, versionId: pending.pendingVersion!.id });
    expect(first.status).toBe('in_review');
    expect((await svc.getToolOrThrow({ actor: owner, slug: 'payment_refund' })).servedVersion).toBe(before.servedVersion);
    await expectError(svc.approveToolVersion({ actor: reviewer, versionId: pending.pendingVersion!.id }), 'FORBIDDEN', /second, different reviewer/);
    const ok = await svc.approveToolVersion({ actor: reviewer2, versionId: pending.pendingVersion!.id });
    expect(ok.status).toBe('approved');
    await expectError(svc.approveToolVersion({ actor: admin, versionId: pending.pendingVersion!.id }), 'INVALID_STATE', /no longer in review/);
    const after = await svc.getToolOrThrow({ actor: owner, slug: 'payment_refund' });
    expect(after.servedVersion).toBe(r2.proposedVersion);
    expect(after.description).toMatch(/^Refunds part or all/);
    expect(after.versions.find((v) => v.version === before.servedVersion)?.status).toBe('superseded');
    expect(await db.notification.count({ where: { userId: owner.id, kind: 'tool_version.approved' } })).toBe(1);
  });

  it('only the owner (or a platform admin) edits; nobody approves their own change; rejection needs a reason', async () => {
    await expectError(edit(requester, 'payment_refund', { timeoutMs: 9000 }), 'FORBIDDEN');
    await expectError(edit(owner, 'kb_search', { timeoutMs: 9000 }), 'FORBIDDEN');
    const r = await edit(admin, 'kb_search', { title: 'Knowledge search', changeNote: 'Shorter title' });
    const vId = (await svc.getToolOrThrow({ actor: admin, slug: 'kb_search' })).pendingVersion!.id;
    expect(r.proposedVersion).not.toBeNull();
    await expectError(svc.approveToolVersion({ actor: admin, versionId: vId }), 'FORBIDDEN');
    await expectError(svc.rejectToolVersion({ actor: reviewer, versionId: vId, reason: 'no' }), 'VALIDATION', /reason/);
    await svc.rejectToolVersion({ actor: reviewer, versionId: vId, reason: 'The old title is what agents know.' });
    const t = await svc.getToolOrThrow({ actor: requester, slug: 'kb_search' });
    expect(t.versions.find((v) => v.id === vId)).toMatchObject({ status: 'rejected', rejectionReason: 'The old title is what agents know.' });
    expect(t.pendingVersion).toBeNull();
  });

  it('a renamed tool keeps its place in agent tokens’ scopes once the new version is approved', async () => {
    const tool = await db.tool.findFirstOrThrow({ where: { slug: { startsWith: 'bulk_' }, kind: 'http_declarative' }, orderBy: { slug: 'desc' } });
    const acme = await db.tenant.findUniqueOrThrow({ where: { slug: 'acme' } });
    const token = await db.agentToken.create({ data: { tenantId: acme.id, name: 'scoped-to-renamed', prefix: 'mcp_test', tokenHash: crypto.randomUUID(), scopes: [tool.slug, 'kb_search'] } });
    const renamed = `${tool.slug.slice(0, 50)}_renamed`;
    await edit(admin, tool.slug, { name: renamed, changeNote: 'Clearer name' });
    const pending = await svc.getToolOrThrow({ actor: admin, slug: tool.slug });
    const r = await svc.approveToolVersion({ actor: reviewer, versionId: pending.pendingVersion!.id });
    if (r.status === 'in_review') await svc.approveToolVersion({ actor: reviewer2, versionId: pending.pendingVersion!.id }); // high-risk tools need two
    expect((await db.agentToken.findUniqueOrThrow({ where: { id: token.id } })).scopes).toEqual([renamed, 'kb_search']);
  });

  it('refuses to rename a built-in tool or change its schemas (its executor depends on them)', async () => {
    await expectError(edit(owner, 'payment_refund', { name: 'kb_search' }), 'VALIDATION', /built-in tool/);
    await expectError(edit(owner, 'payment_refund', { name: 'refund_payment' }), 'VALIDATION', /built-in tool/);
  });
});

describe('usage', () => {
  it('tenant members see only their tenant; platform staff see all tenants', async () => {
    const tool = await db.tool.findFirstOrThrow({ where: { slug: { startsWith: 'bulk_knowledge_' } }, orderBy: { slug: 'asc' } });
    const [acme, gx] = await Promise.all([db.tenant.findUniqueOrThrow({ where: { slug: 'acme' } }), db.tenant.findUniqueOrThrow({ where: { slug: 'globex' } })]);
    const ev = (tenantId: string, outcome: 'success' | 'error', latencyMs: number) => ({
      requestId: crypto.randomUUID(), tenantId, actorKind: 'agent', actorLabel: 'test', via: 'mcp', action: 'tool.called', resourceType: 'tool', toolSlug: tool.slug, outcome, latencyMs,
    });
    await db.auditEvent.createMany({ data: [ev(acme.id, 'success', 100), ev(acme.id, 'success', 300), ev(acme.id, 'error', 50), ev(gx.id, 'success', 900), ev(gx.id, 'success', 1000)] });
    const mine = await svc.findToolUsage({ actor: requester, toolId: tool.id, slug: tool.slug });
    expect(mine).toMatchObject({ scope: 'my_tenant', calls: 3, errors: 1, tenantsUsing: 1, perTenant: [], tenantsActivated: null });
    expect(mine.successRate).toBeCloseTo(2 / 3);
    expect(mine.p95).toBeLessThanOrEqual(300);
    const theirs = await svc.findToolUsage({ actor: globex, toolId: tool.id, slug: tool.slug });
    expect(theirs.calls).toBe(2);
    const all = await svc.findToolUsage({ actor: admin, toolId: tool.id, slug: tool.slug });
    expect(all).toMatchObject({ scope: 'all_tenants', calls: 5, tenantsUsing: 2 });
    expect(all.perTenant.map((r) => r.tenant).sort()).toEqual(['acme', 'globex']);
  });
});

describe('export', () => {
  it('CSV escapes commas, quotes and newlines; JSON carries the same records', async () => {
    const victim = await db.tool.findFirstOrThrow({ where: { slug: { startsWith: 'bulk_data_' } }, orderBy: { slug: 'asc' } });
    await db.tool.update({ where: { id: victim.id }, data: { description: 'Says "hi", then\nstops' } });
    const csv = await svc.exportTools({ actor: requester, format: 'csv', q: victim.slug, sort: 'name' });
    expect(csv.contentType).toMatch(/text\/csv/);
    const [header, row] = csv.body.split('\r\n');
    expect(header).toMatch(/^name,title,description,/);
    expect(row).toContain('"Says ""hi"", then\nstops"');
    const json = await svc.exportTools({ actor: requester, format: 'json', q: '', risk: 'critical', sort: 'name' });
    const parsed = JSON.parse(json.body) as { tools: { riskLevel: string }[]; total: number };
    expect(parsed.total).toBe(parsed.tools.length);
    expect(new Set(parsed.tools.map((t) => t.riskLevel))).toEqual(new Set(['critical']));
  });
});

describe('time to integrate', () => {
  it('median from first submission to first activation', async () => {
    const { findTimeToIntegrate } = await import('@/lib/services/metrics/find-time-to-integrate');
    const k = await findTimeToIntegrate({ actor: admin, days: 365 });
    expect(k.integrated).toBeGreaterThan(0); // the demo seed has published and activated requests
    expect(k.medianHours).not.toBeNull();
    const { actorFor } = await import('@/lib/testing/actors');
    const g = await findTimeToIntegrate({ actor: await actorFor('tenant-admin@globex.example'), days: 365 });
    expect(g.integrated).toBeLessThanOrEqual(k.integrated);
    await expectError(findTimeToIntegrate({ actor: requester }), 'FORBIDDEN');
  });
});
