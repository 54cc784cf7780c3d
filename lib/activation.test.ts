import { describe, expect, it } from 'vitest';
import {
  canNeedApproval, enabledTools, needsApproval, requiredApprovals, rateCounterKey, rateWindowStart, resolveAccess, resolveToolAccess, rolloutBucket,
  type AccessActivation, type AccessContext, type AccessTool, type AccessToolPolicy,
} from './activation';

const tool = (over: Partial<AccessTool> = {}): AccessTool => ({
  id: 't1', slug: 'kb_search', lifecycle: 'published', critical: false, killedGlobally: false, killedReason: null, servedVersion: 2, versions: [1, 2], ...over,
});
const rule = (over: Partial<AccessActivation>): AccessActivation => ({ toolId: 't1', scope: 'tenant', teamId: null, userId: null, enabled: true, rolloutPercent: null, reason: '', ...over });
const policy = (over: Partial<AccessToolPolicy> = {}): AccessToolPolicy => ({
  toolId: 't1', killed: false, killedReason: null, pinnedVersion: null, requestsPerMinute: null, callsPerDay: null, approvalMode: 'never', approvalCondition: null, approvalsRequired: 1, ...over,
});
const ctx = (over: Partial<AccessContext> = {}): AccessContext => ({
  tenant: { id: 'ten1', slug: 'acme', name: 'Acme' },
  defaults: { requestsPerMinute: 120, callsPerDay: 10000 },
  tools: [tool()],
  activations: [],
  policies: [],
  teams: [{ id: 'sup', name: 'Support' }, { id: 'fin', name: 'Finance' }],
  users: [{ id: 'u1', label: 'alice@acme.example' }],
  ...over,
});
const one = (c: AccessContext, caller: Parameters<typeof resolveToolAccess>[1] = { teamIds: [], userId: null }) => resolveToolAccess(c, caller, c.tools[0]!);

describe('precedence', () => {
  it('no rule → off', () => {
    expect(one(ctx())).toMatchObject({ enabled: false, source: 'default', reason: 'not enabled for acme' });
  });
  it('tenant rule on → on, with its reason', () => {
    expect(one(ctx({ activations: [rule({ reason: 'pilot' })] }))).toMatchObject({ enabled: true, source: 'tenant', reason: 'enabled for acme: pilot' });
  });
  it('tenant rule off → off', () => {
    expect(one(ctx({ activations: [rule({ enabled: false })] }))).toMatchObject({ enabled: false, source: 'tenant', reason: 'disabled for acme' });
  });
  it('team rule beats tenant rule, only for members of that team', () => {
    const c = ctx({ activations: [rule({ enabled: false }), rule({ scope: 'team', teamId: 'sup', enabled: true })] });
    expect(one(c, { teamIds: ['sup'], userId: null })).toMatchObject({ enabled: true, source: 'team', reason: 'enabled for team Support' });
    expect(one(c, { teamIds: ['fin'], userId: null })).toMatchObject({ enabled: false, source: 'tenant' });
  });
  it('team off beats tenant on', () => {
    const c = ctx({ activations: [rule({}), rule({ scope: 'team', teamId: 'fin', enabled: false, reason: 'not for finance' })] });
    expect(one(c, { teamIds: ['fin'], userId: null })).toMatchObject({ enabled: false, reason: 'disabled for team Finance: not for finance' });
  });
  it('teams that disagree: off wins', () => {
    const c = ctx({ activations: [rule({ scope: 'team', teamId: 'sup', enabled: true }), rule({ scope: 'team', teamId: 'fin', enabled: false })] });
    expect(one(c, { teamIds: ['sup', 'fin'], userId: null })).toMatchObject({ enabled: false, source: 'team', reason: 'disabled for team Finance' });
  });
  it('user rule beats team and tenant rules', () => {
    const c = ctx({ activations: [rule({ enabled: false }), rule({ scope: 'team', teamId: 'sup', enabled: false }), rule({ scope: 'user', userId: 'u1', enabled: true, reason: 'beta tester' })] });
    expect(one(c, { teamIds: ['sup'], userId: 'u1' })).toMatchObject({ enabled: true, source: 'user', reason: 'enabled for user alice@acme.example: beta tester' });
    expect(one(c, { teamIds: ['sup'], userId: 'u2' })).toMatchObject({ enabled: false, source: 'team' });
  });
  it('user off beats team on', () => {
    const c = ctx({ activations: [rule({ scope: 'team', teamId: 'sup' }), rule({ scope: 'user', userId: 'u1', enabled: false })] });
    expect(one(c, { teamIds: ['sup'], userId: 'u1' })).toMatchObject({ enabled: false, source: 'user' });
  });
  it('rules of another tool do not apply', () => {
    expect(one(ctx({ activations: [rule({ toolId: 'other' })] }))).toMatchObject({ enabled: false, source: 'default' });
  });
});

describe('kill switches override everything', () => {
  const allOn = [rule({}), rule({ scope: 'team', teamId: 'sup' }), rule({ scope: 'user', userId: 'u1' })];
  it('global kill', () => {
    const c = ctx({ tools: [tool({ killedGlobally: true, killedReason: 'CVE-2026-1' })], activations: allOn });
    expect(one(c, { teamIds: ['sup'], userId: 'u1' })).toMatchObject({ enabled: false, source: 'killed_global', reason: 'killed everywhere: CVE-2026-1' });
  });
  it('tenant kill', () => {
    const c = ctx({ activations: allOn, policies: [policy({ killed: true, killedReason: 'incident #42' })] });
    expect(one(c, { teamIds: ['sup'], userId: 'u1' })).toMatchObject({ enabled: false, source: 'killed_tenant', reason: 'killed for acme: incident #42' });
  });
  it('global kill is reported before the tenant kill', () => {
    const c = ctx({ tools: [tool({ killedGlobally: true })], policies: [policy({ killed: true })], activations: allOn });
    expect(one(c).source).toBe('killed_global');
  });
  it('unpublished tools are never served', () => {
    expect(one(ctx({ tools: [tool({ lifecycle: 'retired' })], activations: allOn }), { teamIds: [], userId: 'u1' })).toMatchObject({ enabled: false, reason: 'not published (retired)' });
    expect(one(ctx({ tools: [tool({ lifecycle: 'deprecated' })], activations: allOn })).enabled).toBe(true);
  });
});

describe('percentage rollout', () => {
  const users = Array.from({ length: 2000 }, (_, i) => `user-${i}`);
  it('bucket is stable and in 0..99', () => {
    for (const u of users.slice(0, 50)) {
      const b = rolloutBucket('ten1', 't1', u);
      expect(b).toBe(rolloutBucket('ten1', 't1', u));
      expect(b).toBeGreaterThanOrEqual(0);
      expect(b).toBeLessThan(100);
    }
  });
  it('matches sha256(tenant:tool:user) mod 100', async () => {
    const { createHash } = await import('node:crypto');
    const hex = createHash('sha256').update('ten1:t1:user-7').digest('hex');
    expect(rolloutBucket('ten1', 't1', 'user-7')).toBe(Number(BigInt('0x' + hex.slice(0, 16)) % 100n));
  });
  it('enables about p% of users, and growing p only adds users', () => {
    const at = (p: number) => new Set(users.filter((u) => one(ctx({ activations: [rule({ rolloutPercent: p })] }), { teamIds: [], userId: u }).enabled));
    const s20 = at(20);
    const s50 = at(50);
    expect(s20.size).toBeGreaterThan(300);
    expect(s20.size).toBeLessThan(500);
    for (const u of s20) expect(s50.has(u)).toBe(true);
    expect(at(0).size).toBe(0);
    expect(at(100).size).toBe(users.length);
  });
  it('differs per tool (not the same users first for every tool)', () => {
    const a = users.filter((u) => rolloutBucket('ten1', 't1', u) < 20);
    const b = users.filter((u) => rolloutBucket('ten1', 't2', u) < 20);
    expect(a).not.toEqual(b);
  });
  it('explains the decision; a caller without a user is not in the share', () => {
    const c = ctx({ activations: [rule({ rolloutPercent: 30 })] });
    const inUser = users.find((u) => rolloutBucket('ten1', 't1', u) < 30)!;
    expect(one(c, { teamIds: [], userId: inUser })).toMatchObject({ enabled: true, source: 'rollout', reason: "rolling out to 30% of acme's users; this user is in the share" });
    expect(one(c, { teamIds: [], userId: null })).toMatchObject({ enabled: false, source: 'rollout' });
  });
  it('a team rule still wins over the rollout', () => {
    const c = ctx({ activations: [rule({ rolloutPercent: 0 }), rule({ scope: 'team', teamId: 'sup' })] });
    expect(one(c, { teamIds: ['sup'], userId: 'anyone' }).enabled).toBe(true);
  });
  it('disabled tenant rule ignores its percentage', () => {
    expect(one(ctx({ activations: [rule({ enabled: false, rolloutPercent: 100 })] }), { teamIds: [], userId: 'u1' }).enabled).toBe(false);
  });
});

describe('versions', () => {
  it('serves the tool servedVersion when not pinned', () => {
    expect(one(ctx({ activations: [rule({})] }))).toMatchObject({ version: 2, pinned: false, enabled: true });
  });
  it('serves the pinned version', () => {
    expect(one(ctx({ activations: [rule({})], policies: [policy({ pinnedVersion: 1 })] }))).toMatchObject({ version: 1, pinned: true, enabled: true });
  });
  it('a pin to a version that cannot be served turns the tool off instead of serving another version', () => {
    expect(one(ctx({ activations: [rule({})], policies: [policy({ pinnedVersion: 7 })] }))).toMatchObject({ enabled: false, source: 'pin', reason: 'pinned to version 7, which cannot be served' });
  });
});

describe('token scopes', () => {
  it('empty scopes: every enabled tool; otherwise only the named ones', () => {
    const c = ctx({ activations: [rule({})] });
    expect(one(c, { teamIds: [], userId: null, scopes: [] }).enabled).toBe(true);
    expect(one(c, { teamIds: [], userId: null, scopes: ['kb_search'] }).enabled).toBe(true);
    expect(one(c, { teamIds: [], userId: null, scopes: ['sql_query'] })).toMatchObject({ enabled: false, source: 'scope' });
  });
  it('a group scope (an OAuth grant\'s) names the tools of that catalogue category', () => {
    const c = ctx({ tools: [tool({ category: 'Knowledge' })], activations: [rule({})] });
    expect(one(c, { teamIds: [], userId: null, scopes: ['tools:group:knowledge'] }).enabled).toBe(true);
    expect(one(c, { teamIds: [], userId: null, scopes: ['tools:group:data'] })).toMatchObject({ enabled: false, source: 'scope' });
    expect(one(ctx({ activations: [rule({})] }), { teamIds: [], userId: null, scopes: ['tools:group:knowledge'] })).toMatchObject({ enabled: false, source: 'scope' });
  });
});

describe('limits', () => {
  it('fall back to the tenant defaults', () => {
    expect(one(ctx()).limits.tenantTool).toEqual({ requestsPerMinute: 120, callsPerDay: 10000, source: 'tenant_default' });
  });
  it('per tenant × tool override, each field separately', () => {
    expect(one(ctx({ policies: [policy({ requestsPerMinute: 10 })] })).limits.tenantTool).toEqual({ requestsPerMinute: 10, callsPerDay: 10000, source: 'tool_policy' });
    expect(one(ctx({ policies: [policy({ callsPerDay: 5 })] })).limits.tenantTool).toEqual({ requestsPerMinute: 120, callsPerDay: 5, source: 'tool_policy' });
  });
  it('token limits are passed through', () => {
    expect(one(ctx(), { teamIds: [], userId: null, token: { requestsPerMinute: 3, callsPerDay: null } }).limits.token).toEqual({ requestsPerMinute: 3, callsPerDay: null });
    expect(one(ctx()).limits.token).toEqual({ requestsPerMinute: null, callsPerDay: null });
  });
  it('counter keys and windows', () => {
    expect(rateCounterKey('tenant_tool', { tenantId: 'a', toolId: 'b' }, 'minute')).toBe('rl:tenant_tool:a:b:minute');
    expect(rateCounterKey('token', { tokenId: 'k' }, 'day')).toBe('rl:token:k:day');
    expect(rateWindowStart(new Date('2026-11-25T06:31:42.123Z'), 'minute').toISOString()).toBe('2026-11-25T06:31:00.000Z');
    expect(rateWindowStart(new Date('2026-11-25T06:31:42.123Z'), 'day').toISOString()).toBe('2026-11-25T00:00:00.000Z');
  });
});

describe('approval', () => {
  const cond = { field: 'amount', op: 'gt', value: 500 } as const;
  it('resolves the configured rule, ignoring malformed conditions', () => {
    expect(one(ctx({ policies: [policy({ approvalMode: 'conditional', approvalCondition: cond, approvalsRequired: 2 })] })).approval).toEqual({ mode: 'conditional', condition: cond, approvalsRequired: 2, critical: false, ttlMinutes: 15 });
    expect(one(ctx({ policies: [policy({ approvalMode: 'always', approvalTtlMinutes: 60 })] })).approval.ttlMinutes).toBe(60);
    expect(one(ctx({ policies: [policy({ approvalMode: 'conditional', approvalCondition: { field: 1 } })] })).approval.condition).toBeNull();
  });
  it.each([
    [{ amount: 501 }, true], [{ amount: 500 }, false], [{ amount: 10 }, false], [{}, false], [{ amount: '900' }, true],
  ])('amount > 500 with %j → %s', (args, expected) => {
    expect(needsApproval({ mode: 'conditional', condition: cond, approvalsRequired: 1, critical: false }, args)).toBe(expected);
  });
  it('other operators and nested fields', () => {
    const a = (op: 'gte' | 'lt' | 'lte' | 'eq' | 'neq', value: number | string, args: Record<string, unknown>, field = 'x') =>
      needsApproval({ mode: 'conditional', condition: { field, op, value }, approvalsRequired: 1, critical: false }, args);
    expect(a('gte', 5, { x: 5 })).toBe(true);
    expect(a('lt', 5, { x: 5 })).toBe(false);
    expect(a('lte', 5, { x: 5 })).toBe(true);
    expect(a('eq', 'EUR', { x: 'EUR' })).toBe(true);
    expect(a('neq', 'EUR', { x: 'EUR' })).toBe(false);
    expect(a('gte', 100, { payment: { amount: 150 } }, 'payment.amount')).toBe(true);
  });
  it('always / never / critical', () => {
    expect(needsApproval({ mode: 'always', condition: null, approvalsRequired: 1, critical: false }, {})).toBe(true);
    expect(needsApproval({ mode: 'never', condition: null, approvalsRequired: 1, critical: false }, { amount: 1e9 })).toBe(false);
    expect(needsApproval({ mode: 'never', condition: null, approvalsRequired: 1, critical: true }, {})).toBe(true);
  });
  it('two-person rule: above the condition for a critical tool, whenever approval is needed otherwise', () => {
    const critical = { mode: 'conditional' as const, condition: cond, approvalsRequired: 2, critical: true };
    expect(requiredApprovals(critical, { amount: 501 })).toBe(2);
    expect(requiredApprovals(critical, { amount: 20 })).toBe(1);
    expect(requiredApprovals({ ...critical, mode: 'always' }, { amount: 20 })).toBe(2);
    expect(requiredApprovals({ ...critical, critical: false }, { amount: 501 })).toBe(2);
    expect(requiredApprovals({ ...critical, approvalsRequired: 7 }, { amount: 501 })).toBe(2);
    expect(canNeedApproval({ mode: 'never', critical: true })).toBe(true);
    expect(canNeedApproval({ mode: 'never', critical: false })).toBe(false);
    expect(canNeedApproval({ mode: 'conditional', critical: false })).toBe(true);
  });
});

describe('resolveAccess / enabledTools', () => {
  it('resolves every tool, sorted, and filters the enabled ones', () => {
    const c = ctx({ tools: [tool({ id: 't2', slug: 'sql_query' }), tool()], activations: [rule({})] });
    expect(resolveAccess(c, { teamIds: [], userId: null }).map((a) => [a.slug, a.enabled])).toEqual([['kb_search', true], ['sql_query', false]]);
    expect(enabledTools(c, { teamIds: [], userId: null }).map((a) => a.slug)).toEqual(['kb_search']);
  });
});
