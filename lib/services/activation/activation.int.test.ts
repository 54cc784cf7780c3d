import { beforeAll, describe, expect, it } from 'vitest';
import { enabledTools, resolveToolAccess, rolloutBucket, type ToolAccess } from '@/lib/activation';
import { isAppError } from '@/lib/errors';
import type { Actor } from '@/lib/policy';
import { getDb } from '@/lib/server/db/client';
import { actorFor } from '@/lib/testing/actors';
import { createFreshTenant, createFreshTool, type FreshTenant } from '@/lib/testing/fresh-tenant';
import { exportActivationPolicy } from './export-activation-policy';
import { findActivationMatrix } from './find-activation-matrix';
import { findUserActivations } from './find-user-activations';
import { getActivationOverview } from './get-activation-overview';
import { importActivationPolicy } from './import-activation-policy';
import { loadAccessContext } from './load-access-context';
import { setActivationRule } from './set-activation-rule';
import { setKillSwitch } from './set-kill-switch';
import { setTokenLimits } from './set-token-limits';
import { setToolPolicy } from './set-tool-policy';

let admin: Actor, acmeAdmin: Actor, acmeRequester: Actor;

async function expectError(p: Promise<unknown>, code: string, message?: RegExp) {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(isAppError(e), `expected AppError ${code}, got ${String(e)}`).toBe(true);
  if (!isAppError(e)) return null;
  expect(e.code).toBe(code);
  if (message) expect(e.userMessage).toMatch(message);
  return e;
}

/** The resolver's answer for a caller, from a freshly loaded context (what /mcp does on every call). */
async function access(tenantId: string, toolId: string, teamIds: string[], userId: string | null, scopes?: string[]): Promise<ToolAccess> {
  const ctx = await loadAccessContext({ tenantId, teamIds, userId });
  return resolveToolAccess(ctx, { teamIds, userId, scopes }, ctx.tools.find((t) => t.id === toolId)!);
}

async function auditCount(action: string, resourceId?: string) {
  const db = await getDb();
  return db.auditEvent.count({ where: { action, ...(resourceId ? { resourceId } : {}) } });
}

beforeAll(async () => {
  [admin, acmeAdmin, acmeRequester] = await Promise.all([actorFor('admin@example.com'), actorFor('tenant-admin@acme.example'), actorFor('requester@acme.example')]);
});

describe('precedence of tenant, team and user rules', () => {
  let f: FreshTenant;
  let tool: { id: string; slug: string };
  beforeAll(async () => {
    f = await createFreshTenant('prec');
    tool = await createFreshTool();
  });
  const rule = (over: Record<string, unknown>) => setActivationRule({ actor: f.admin, tenantId: f.tenant.id, toolId: tool.id, scope: 'tenant', state: 'on', rolloutPercent: null, reason: 'test rule', ...over } as Parameters<typeof setActivationRule>[0]);

  it('is off without any rule', async () => {
    const a = await access(f.tenant.id, tool.id, [f.teams.a], f.users.inA);
    expect(a).toMatchObject({ enabled: false, source: 'default' });
  });

  it('tenant on, team off, user on: the most specific wins, and each decision says why', async () => {
    await rule({ reason: 'pilot for everyone' });
    expect(await access(f.tenant.id, tool.id, [f.teams.a], f.users.inA)).toMatchObject({ enabled: true, source: 'tenant', reason: expect.stringContaining('pilot for everyone') });

    await rule({ scope: 'team', teamId: f.teams.b, state: 'off', reason: 'Beta is not trained yet' });
    expect(await access(f.tenant.id, tool.id, [f.teams.b], f.users.inB)).toMatchObject({ enabled: false, source: 'team', reason: 'disabled for team Beta: Beta is not trained yet' });
    expect(await access(f.tenant.id, tool.id, [f.teams.a], f.users.inA)).toMatchObject({ enabled: true, source: 'tenant' });

    // A caller in two teams that disagree: off wins (fail closed).
    await rule({ scope: 'team', teamId: f.teams.a, state: 'on', reason: 'Alpha asked for it' });
    expect(await access(f.tenant.id, tool.id, [f.teams.a, f.teams.b], f.users.inBoth)).toMatchObject({ enabled: false, source: 'team' });

    await rule({ scope: 'user', userId: f.users.inB, state: 'on', reason: 'Bob tests it for Beta' });
    expect(await access(f.tenant.id, tool.id, [f.teams.b], f.users.inB)).toMatchObject({ enabled: true, source: 'user', reason: expect.stringContaining('bob@') });
    // A token of team Beta without a user still follows the team rule.
    expect(await access(f.tenant.id, tool.id, [f.teams.b], null)).toMatchObject({ enabled: false, source: 'team' });

    // inherit removes the user rule: back to the team rule.
    await rule({ scope: 'user', userId: f.users.inB, state: 'inherit', reason: 'pilot over' });
    expect(await access(f.tenant.id, tool.id, [f.teams.b], f.users.inB)).toMatchObject({ enabled: false, source: 'team' });

    // Tenant off: teams with their own "on" keep it, the others lose it.
    await rule({ state: 'off', reason: 'paused' });
    expect(await access(f.tenant.id, tool.id, [], f.users.inA)).toMatchObject({ enabled: false, source: 'tenant' });
    expect(await access(f.tenant.id, tool.id, [f.teams.a], f.users.inA)).toMatchObject({ enabled: true, source: 'team' });
  });

  it('audits every change with its reason, and enabling for one team shows on that team only in the overview', async () => {
    expect(await auditCount('activation.updated', `${f.tenant.slug}/${tool.slug}/team:${f.teams.a}`)).toBeGreaterThanOrEqual(1);
    expect(await auditCount('activation.removed', `${f.tenant.slug}/${tool.slug}/user:${f.users.inB}`)).toBe(1);
    const o = await getActivationOverview({ actor: f.admin, tenantId: f.tenant.id });
    const row = o.tools.find((t) => t.id === tool.id)!;
    expect(row.effective.tenant.enabled).toBe(false);
    expect(row.effective.teams[f.teams.a]).toMatchObject({ enabled: true, source: 'team' });
    expect(row.effective.teams[f.teams.b]).toMatchObject({ enabled: false, source: 'team' });
    expect(row.teamRules[f.teams.a]).toMatchObject({ enabled: true, reason: 'Alpha asked for it' });
    const users = await findUserActivations({ actor: f.admin, tenantId: f.tenant.id, q: 'ann' });
    expect(users.items).toHaveLength(1);
    expect(users.items[0]!.cells[tool.id]!.effective).toMatchObject({ enabled: true, source: 'team' });
  });

  it('refuses bad subjects and other tenants', async () => {
    const other = await createFreshTenant('other');
    await expectError(rule({ scope: 'team', teamId: other.teams.a, state: 'on' }), 'NOT_FOUND', /team does not belong/);
    await expectError(rule({ scope: 'user', userId: other.users.inA, state: 'on' }), 'NOT_FOUND', /user does not belong/);
    await expectError(setActivationRule({ actor: other.admin, tenantId: f.tenant.id, toolId: tool.id, scope: 'tenant', state: 'on', rolloutPercent: null, reason: 'not mine' }), 'FORBIDDEN');
    await expectError(setActivationRule({ actor: acmeRequester, tenantId: acmeRequester.tenantId!, toolId: tool.id, scope: 'tenant', state: 'on', rolloutPercent: null, reason: 'requester' }), 'FORBIDDEN');
    await expectError(getActivationOverview({ actor: acmeAdmin, tenantId: f.tenant.id }), 'FORBIDDEN');
  });
});

describe('percentage rollout', () => {
  it('is stable per user and grows monotonically with the percentage', async () => {
    const f = await createFreshTenant('roll');
    const tool = await createFreshTool();
    const users = Array.from({ length: 400 }, (_, i) => `user-${i}`);
    const share = async (pct: number) => {
      await setActivationRule({ actor: f.admin, tenantId: f.tenant.id, toolId: tool.id, scope: 'tenant', state: 'on', rolloutPercent: pct, reason: `rollout ${pct}%` });
      const ctx = await loadAccessContext({ tenantId: f.tenant.id, teamIds: [], userId: null, allRules: true });
      const t = ctx.tools.find((x) => x.id === tool.id)!;
      return new Set(users.filter((u) => resolveToolAccess(ctx, { teamIds: [], userId: u }, t).enabled));
    };
    const at30 = await share(30);
    const again = await share(30);
    expect([...again]).toEqual([...at30]);
    expect(at30.size).toBeGreaterThan(400 * 0.2);
    expect(at30.size).toBeLessThan(400 * 0.4);
    for (const u of users) expect(at30.has(u)).toBe(rolloutBucket(f.tenant.id, tool.id, u) < 30);
    const at60 = await share(60);
    for (const u of at30) expect(at60.has(u)).toBe(true);
    expect(at60.size).toBeGreaterThan(at30.size);
    const noUser = await access(f.tenant.id, tool.id, [], null);
    expect(noUser).toMatchObject({ enabled: false, source: 'rollout' });
    expect((await share(100)).size).toBe(400);
  });

  it('refuses a percentage on a team rule', async () => {
    const f = await createFreshTenant('roll2');
    const tool = await createFreshTool();
    const { ZSetActivationRuleInput } = await import('@/lib/schemas/activation');
    const r = ZSetActivationRuleInput.safeParse({ tenantId: f.tenant.id, toolId: tool.id, scope: 'team', teamId: f.teams.a, state: 'on', rolloutPercent: 50, reason: 'nope' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['rolloutPercent']);
  });
});

describe('version pinning, kill switches and limits', () => {
  let f: FreshTenant, g: FreshTenant;
  let tool: { id: string; slug: string };
  beforeAll(async () => {
    [f, g] = [await createFreshTenant('pin'), await createFreshTenant('pin2')];
    tool = await createFreshTool();
    for (const t of [f, g]) await setActivationRule({ actor: admin, tenantId: t.tenant.id, toolId: tool.id, scope: 'tenant', state: 'on', rolloutPercent: null, reason: 'on' });
  });

  it('pins one tenant to version 1 while the other gets the served version 2', async () => {
    await setToolPolicy({ actor: f.admin, tenantId: f.tenant.id, toolId: tool.id, pinnedVersion: 1, requestsPerMinute: null, callsPerDay: null, reason: 'validated on v1' });
    expect(await access(f.tenant.id, tool.id, [], null)).toMatchObject({ enabled: true, version: 1, pinned: true });
    expect(await access(g.tenant.id, tool.id, [], null)).toMatchObject({ enabled: true, version: 2, pinned: false });
    const e = await expectError(setToolPolicy({ actor: f.admin, tenantId: f.tenant.id, toolId: tool.id, pinnedVersion: 3, requestsPerMinute: null, callsPerDay: null, reason: '' }), 'VALIDATION');
    expect(e?.fieldErrors?.pinnedVersion?.[0]).toMatch(/draft/);
    await expectError(setToolPolicy({ actor: f.admin, tenantId: f.tenant.id, toolId: tool.id, pinnedVersion: 9, requestsPerMinute: null, callsPerDay: null, reason: '' }), 'VALIDATION', /no servable version 9/);
    expect(await access(f.tenant.id, tool.id, [], null)).toMatchObject({ version: 1 });
    await setToolPolicy({ actor: f.admin, tenantId: f.tenant.id, toolId: tool.id, pinnedVersion: null, requestsPerMinute: null, callsPerDay: null, reason: 'move on' });
    expect(await access(f.tenant.id, tool.id, [], null)).toMatchObject({ version: 2, pinned: false });
  });

  it('a tenant kill switch removes the tool from what that tenant may list and call, at once', async () => {
    const listed = async (t: FreshTenant) => {
      const ctx = await loadAccessContext({ tenantId: t.tenant.id, teamIds: [], userId: null });
      return enabledTools(ctx, { teamIds: [], userId: null }).map((x) => x.slug);
    };
    expect(await listed(f)).toContain(tool.slug);
    await setKillSwitch({ actor: f.admin, tenantId: f.tenant.id, toolId: tool.id, killed: true, reason: 'incident #42' });
    expect(await listed(f)).not.toContain(tool.slug);
    expect(await listed(g)).toContain(tool.slug);
    expect(await access(f.tenant.id, tool.id, [f.teams.a], f.users.inA)).toMatchObject({ enabled: false, source: 'killed_tenant', reason: expect.stringContaining('incident #42') });
    // A user rule does not override a kill switch.
    await setActivationRule({ actor: f.admin, tenantId: f.tenant.id, toolId: tool.id, scope: 'user', userId: f.users.inA, state: 'on', rolloutPercent: null, reason: 'vip' });
    expect(await access(f.tenant.id, tool.id, [f.teams.a], f.users.inA)).toMatchObject({ enabled: false, source: 'killed_tenant' });
    await setKillSwitch({ actor: f.admin, tenantId: f.tenant.id, toolId: tool.id, killed: false, reason: 'fixed' });
    expect(await listed(f)).toContain(tool.slug);
    expect(await auditCount('tool.killed', tool.id)).toBe(1);
    expect(await auditCount('tool.revived', tool.id)).toBe(1);
  });

  it('a global kill switch is for platform admins and turns the tool off everywhere', async () => {
    await expectError(setKillSwitch({ actor: f.admin, tenantId: null, toolId: tool.id, killed: true, reason: 'tenant admin tries' }), 'FORBIDDEN');
    await setKillSwitch({ actor: admin, tenantId: null, toolId: tool.id, killed: true, reason: 'CVE-2026-1' });
    for (const t of [f, g]) expect(await access(t.tenant.id, tool.id, [], null)).toMatchObject({ enabled: false, source: 'killed_global', reason: 'killed everywhere: CVE-2026-1' });
    const m = await findActivationMatrix({ actor: admin, q: f.tenant.slug });
    expect(m.tools.find((t) => t.id === tool.id)?.killedGlobally).toBe(true);
    expect(m.tenants[0]!.cells[tool.id]).toMatchObject({ state: 'on', effective: { enabled: false, source: 'killed_global' } });
    await setKillSwitch({ actor: admin, tenantId: null, toolId: tool.id, killed: false, reason: 'patched' });
    expect(await access(g.tenant.id, tool.id, [], null)).toMatchObject({ enabled: true });
    await expectError(findActivationMatrix({ actor: acmeAdmin }), 'FORBIDDEN');
  });

  it('limits per tenant × tool and per token, shown with the current usage', async () => {
    await setToolPolicy({ actor: f.admin, tenantId: f.tenant.id, toolId: tool.id, pinnedVersion: null, requestsPerMinute: 30, callsPerDay: 500, reason: 'budget' });
    const a = await access(f.tenant.id, tool.id, [], null);
    expect(a.limits.tenantTool).toEqual({ requestsPerMinute: 30, callsPerDay: 500, source: 'tool_policy' });
    expect((await access(g.tenant.id, tool.id, [], null)).limits.tenantTool.source).toBe('tenant_default');
    const db = await getDb();
    const { rateCounterKey, rateWindowStart } = await import('@/lib/activation');
    const now = new Date();
    await db.rateCounter.create({ data: { key: rateCounterKey('tenant_tool', { tenantId: f.tenant.id, toolId: tool.id }, 'minute'), windowStart: rateWindowStart(now, 'minute'), count: 7, expiresAt: new Date(now.getTime() + 120_000) } });
    await db.rateCounter.create({ data: { key: rateCounterKey('tenant_tool', { tenantId: f.tenant.id, toolId: tool.id }, 'day'), windowStart: rateWindowStart(now, 'day'), count: 42, expiresAt: new Date(now.getTime() + 86_400_000 * 2) } });
    const o = await getActivationOverview({ actor: f.admin, tenantId: f.tenant.id });
    const row = o.tools.find((t) => t.id === tool.id)!;
    expect(row.limits).toMatchObject({ requestsPerMinute: 30, callsPerDay: 500 });
    // Another process may tick the minute over between the insert and the read: the day window is the stable check.
    expect(row.usage.day).toBe(42);

    const token = await db.agentToken.create({ data: { tenantId: f.tenant.id, name: 'bot', prefix: 'mcp_test', tokenHash: `hash-${f.tenant.slug}`, scopes: [] } });
    await setTokenLimits({ actor: f.admin, tokenId: token.id, requestsPerMinute: 5, callsPerDay: null });
    expect(await db.agentToken.findUniqueOrThrow({ where: { id: token.id } })).toMatchObject({ requestsPerMinute: 5, callsPerDay: null });
    // Another tenant's token is answered exactly like an unknown one.
    await expectError(setTokenLimits({ actor: g.admin, tokenId: token.id, requestsPerMinute: 1, callsPerDay: 1 }), 'NOT_FOUND', /^Agent token not found\.$/);
    await expectError(setTokenLimits({ actor: g.admin, tokenId: 'c_unknown_token', requestsPerMinute: 1, callsPerDay: 1 }), 'NOT_FOUND', /^Agent token not found\.$/);
    await db.agentToken.update({ where: { id: token.id }, data: { revokedAt: new Date() } });
    await expectError(setTokenLimits({ actor: f.admin, tokenId: token.id, requestsPerMinute: 1, callsPerDay: 1 }), 'INVALID_STATE');
    expect((await getActivationOverview({ actor: f.admin, tenantId: f.tenant.id })).tokens.find((t) => t.id === token.id)).toMatchObject({ requestsPerMinute: 5, revoked: true });
  });

  it('a token scope hides the tool', async () => {
    expect(await access(g.tenant.id, tool.id, [], null, ['kb_search'])).toMatchObject({ enabled: false, source: 'scope' });
    expect(await access(g.tenant.id, tool.id, [], null, [tool.slug])).toMatchObject({ enabled: true });
  });
});

describe('activation policy import and export', () => {
  let f: FreshTenant;
  let t1: { id: string; slug: string }, t2: { id: string; slug: string };
  beforeAll(async () => {
    f = await createFreshTenant('imp');
    [t1, t2] = [await createFreshTool(), await createFreshTool()];
  });
  const snapshot = async () => {
    const db = await getDb();
    return {
      rules: await db.toolActivation.findMany({ where: { tenantId: f.tenant.id }, orderBy: { id: 'asc' }, select: { toolId: true, scopeKey: true, enabled: true } }),
      policies: await db.tenantToolPolicy.findMany({ where: { tenantId: f.tenant.id }, orderBy: { id: 'asc' }, select: { toolId: true, requestsPerMinute: true, callsPerDay: true } }),
    };
  };

  it('reports every mistake with its line and applies nothing', async () => {
    const before = await snapshot();
    const text = [
      '[',
      `  {"tenant_id": "${f.tenant.slug}", "enabled_tools": ["${t1.slug}"]},`,
      `  {"user_id": "nobody@nowhere.test", "tenant_id": "${f.tenant.slug}",`,
      `   "enabled_tools": ["${t1.slug}", "no_such_tool"],`,
      '   "tool_limits": {"requests_per_min": 60}}',
      ']',
    ].join('\n');
    const r = await importActivationPolicy({ actor: f.admin, text, dryRun: false });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toEqual([
      expect.objectContaining({ line: 3, path: '[1].user_id', message: `Unknown user "nobody@nowhere.test" in ${f.tenant.slug}.` }),
    ]);
    const r2 = await importActivationPolicy({ actor: f.admin, text: text.replace('nobody@nowhere.test', `ann@${f.tenant.slug}.test`), dryRun: false });
    expect(r2.ok).toBe(false);
    const col = text.split('\n')[3]!.indexOf('"no_such_tool"') + 1;
    if (!r2.ok) expect(r2.issues).toEqual([{ line: 4, column: col, path: '[1].enabled_tools[1]', message: 'Unknown tool "no_such_tool".' }]);
    const syntax = await importActivationPolicy({ actor: f.admin, text: '{\n  "tenant_id": "x",\n  "enabled_tools": [1,]\n}', dryRun: false });
    expect(syntax).toEqual({ ok: false, issues: [expect.objectContaining({ line: 3, message: 'Invalid JSON: Trailing comma.' })] });
    const schema = await importActivationPolicy({ actor: f.admin, text: `{"tenant_id": "${f.tenant.slug}",\n "enabled_tools": "kb_search",\n "tool_limits": {"requests_per_min": 0}}`, dryRun: false });
    expect(schema.ok).toBe(false);
    if (!schema.ok) expect(schema.issues.map((i) => [i.line, i.path])).toEqual([[2, 'enabled_tools'], [3, 'tool_limits.requests_per_min']]);
    const foreign = await importActivationPolicy({ actor: f.admin, text: '{"tenant_id": "acme", "enabled_tools": []}', dryRun: false });
    expect(foreign).toEqual({ ok: false, issues: [expect.objectContaining({ line: 1, path: 'tenant_id', message: expect.stringMatching(/Unknown tenant "acme"/) })] });
    expect(await snapshot()).toEqual(before);
  });

  it('previews (dry run) without applying, then applies in one audited transaction', async () => {
    await setActivationRule({ actor: f.admin, tenantId: f.tenant.id, toolId: t2.id, scope: 'team', teamId: f.teams.a, state: 'on', rolloutPercent: null, reason: 'before import' });
    const doc = [
      { user_id: f.users.inB, tenant_id: f.tenant.slug, enabled_tools: [t1.slug], tool_limits: { requests_per_min: 60 } },
      { tenant_id: f.tenant.slug, team_id: 'alpha', enabled_tools: [t1.slug] },
    ];
    const text = JSON.stringify(doc, null, 2);
    const before = await snapshot();
    const preview = await importActivationPolicy({ actor: f.admin, text, dryRun: true });
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(preview.changes).toEqual(expect.arrayContaining([
      expect.objectContaining({ subject: `user bob@${f.tenant.slug}.test`, tool: t1.slug, change: 'enable', before: 'inherit', after: 'on' }),
      expect.objectContaining({ subject: 'team Alpha', tool: t1.slug, change: 'enable' }),
      expect.objectContaining({ subject: 'team Alpha', tool: t2.slug, change: 'disable', before: 'on', after: 'off' }),
      expect.objectContaining({ subject: 'tenant', tool: t1.slug, change: 'limits', after: '60/min, default/day' }),
    ]));
    expect(preview.changes).toHaveLength(4);
    expect(await snapshot()).toEqual(before);

    const audits = await auditCount('activation_policy.imported');
    const applied = await importActivationPolicy({ actor: f.admin, text, dryRun: false });
    expect(applied).toEqual(preview);
    expect(await auditCount('activation_policy.imported')).toBe(audits + 1);
    expect(await access(f.tenant.id, t1.id, [f.teams.b], f.users.inB)).toMatchObject({ enabled: true, source: 'user', limits: { tenantTool: { requestsPerMinute: 60 } } });
    expect(await access(f.tenant.id, t2.id, [f.teams.a], f.users.inA)).toMatchObject({ enabled: false, source: 'team' });
    // Applying the same document again changes nothing.
    const again = await importActivationPolicy({ actor: f.admin, text, dryRun: true });
    expect(again).toMatchObject({ ok: true, changes: [] });
  });

  it('exports in the plan format, and importing the export changes nothing', async () => {
    const docs = await exportActivationPolicy({ actor: f.admin });
    expect(docs).toEqual(expect.arrayContaining([
      // Limits are per tenant × tool: written once, with the first subject enabling the tool.
      { tenant_id: f.tenant.slug, team_id: 'alpha', enabled_tools: [t1.slug], tool_limits: { requests_per_min: 60 } },
      { user_id: f.users.inB, tenant_id: f.tenant.slug, enabled_tools: [t1.slug] },
    ]));
    const r = await importActivationPolicy({ actor: f.admin, text: JSON.stringify(docs), dryRun: true });
    expect(r).toMatchObject({ ok: true, changes: [] });
    await expectError(exportActivationPolicy({ actor: f.admin, tenant: 'acme' }), 'NOT_FOUND');
    const all = await exportActivationPolicy({ actor: admin });
    expect(all.some((d) => d.tenant_id === 'acme') && all.some((d) => d.tenant_id === 'globex')).toBe(true);
  });
});
