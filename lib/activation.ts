// The activation resolver: which tools a caller may use, in which version, under which limits and approval rule.
// PURE (no I/O, no clock): the /mcp pipeline loads an AccessContext (lib/services/activation/load-access-context.ts)
// and calls resolveAccess() on every request, so a change in the database applies on the next call on every replica.
//
// Precedence, most specific first, and kill switches over everything:
//   1. killed globally (platform admin)     → off everywhere
//   2. killed for the tenant                → off for the tenant
//   3. tool not published/deprecated        → off
//   4. a user rule for the caller's user    → on/off
//   5. team rules for the caller's teams    → on/off (if the caller's teams disagree, "off" wins: fail closed)
//   6. the tenant rule                      → on/off; on with rolloutPercent p < 100: on for a stable share of users,
//                                             sha256(`${tenantId}:${toolId}:${userId}`) mod 100 < p
//   7. no rule                              → off
// Then: a version pin must name a servable version (else off), and the token's scopes (when any) must name the tool.
import { createHash } from 'node:crypto';

export type ActivationScope = 'tenant' | 'team' | 'user';
export type ApprovalMode = 'never' | 'always' | 'conditional';
import { DEFAULT_APPROVAL_TTL_MINUTES } from '@/lib/schemas/approvals';
import { groupScope } from '@/lib/schemas/oauth';
export type ApprovalOp = 'gt' | 'gte' | 'lt' | 'lte' | 'eq' | 'neq';

export interface ApprovalCondition {
  field: string;
  op: ApprovalOp;
  value: number | string | boolean;
}

export interface AccessTool {
  id: string;
  slug: string;
  lifecycle: string;
  critical: boolean;
  killedGlobally: boolean;
  killedReason: string | null;
  servedVersion: number;
  /** Versions that may be served (approved or superseded). */
  versions: number[];
  /** The catalogue category: a token scope `tools:group:<category>` (an OAuth grant's group) names the tool. */
  category?: string;
}

export interface AccessActivation {
  toolId: string;
  scope: ActivationScope;
  teamId: string | null;
  userId: string | null;
  enabled: boolean;
  rolloutPercent: number | null;
  reason: string;
}

export interface AccessToolPolicy {
  toolId: string;
  killed: boolean;
  killedReason: string | null;
  pinnedVersion: number | null;
  requestsPerMinute: number | null;
  callsPerDay: number | null;
  approvalMode: ApprovalMode;
  approvalCondition: unknown;
  approvalsRequired: number;
  approvalTtlMinutes?: number | null;
}

export interface AccessContext {
  tenant: { id: string; slug: string; name: string };
  defaults: { requestsPerMinute: number; callsPerDay: number };
  tools: AccessTool[];
  activations: AccessActivation[];
  policies: AccessToolPolicy[];
  /** Names of the teams that appear in the caller's rules, for reasons. */
  teams: { id: string; name: string }[];
  users?: { id: string; label: string }[];
}

export interface AccessCaller {
  teamIds: string[];
  userId: string | null;
  /** A token's tool scopes (tool slugs, or group scopes of OAuth grants): empty or absent = every tool the tenant has. */
  scopes?: string[];
  token?: { requestsPerMinute: number | null; callsPerDay: number | null } | null;
}

export type DecisionSource = 'killed_global' | 'killed_tenant' | 'lifecycle' | 'user' | 'team' | 'tenant' | 'rollout' | 'default' | 'pin' | 'scope';

export interface Limits {
  requestsPerMinute: number;
  callsPerDay: number;
  source: 'tool_policy' | 'tenant_default';
}

export interface ToolAccess {
  toolId: string;
  slug: string;
  enabled: boolean;
  source: DecisionSource;
  reason: string;
  version: number;
  pinned: boolean;
  limits: { tenantTool: Limits; token: { requestsPerMinute: number | null; callsPerDay: number | null } };
  approval: { mode: ApprovalMode; condition: ApprovalCondition | null; approvalsRequired: number; critical: boolean; ttlMinutes: number };
}

const SERVABLE_LIFECYCLES = new Set(['published', 'deprecated']);

/** Stable bucket 0..99 of a user for a tenant × tool (the same user always lands in the same bucket). */
export function rolloutBucket(tenantId: string, toolId: string, userId: string): number {
  const digest = createHash('sha256').update(`${tenantId}:${toolId}:${userId}`).digest();
  return Number(digest.readBigUInt64BE(0) % 100n);
}

export function isApprovalCondition(v: unknown): v is ApprovalCondition {
  if (!v || typeof v !== 'object') return false;
  const c = v as Record<string, unknown>;
  return typeof c.field === 'string' && ['gt', 'gte', 'lt', 'lte', 'eq', 'neq'].includes(c.op as string) && ['number', 'string', 'boolean'].includes(typeof c.value);
}

/** A tenant's approval rule for one tool (the expiry aside). */
export type ApprovalRule = Omit<ToolAccess['approval'], 'ttlMinutes'>;

function conditionMatches(condition: ApprovalCondition, args: Record<string, unknown>): boolean {
  const { field, op, value } = condition;
  const actual = field.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), args);
  if (actual === undefined || actual === null) return false;
  if (op === 'eq') return actual === value;
  if (op === 'neq') return actual !== value;
  if (typeof actual !== 'number' || typeof value !== 'number') return true; // cannot compare: ask a human
  return op === 'gt' ? actual > value : op === 'gte' ? actual >= value : op === 'lt' ? actual < value : actual <= value;
}

/** Does a call with these arguments need a human approval under the rule? (Critical tools always do.) */
export function needsApproval(approval: ApprovalRule, args: Record<string, unknown>): boolean {
  if (approval.critical || approval.mode === 'always') return true;
  if (approval.mode === 'never' || !approval.condition) return false;
  return conditionMatches(approval.condition, args);
}

/**
 * How many different operators must approve a held call. A critical tool with a conditional rule always needs one
 * approval, and the rule's count (e.g. the two-person rule) above its condition; otherwise the rule's count applies
 * whenever approval is needed.
 */
export function requiredApprovals(approval: ApprovalRule, args: Record<string, unknown>): number {
  const n = Math.min(Math.max(approval.approvalsRequired, 1), 2);
  if (approval.critical && approval.mode === 'conditional') return approval.condition && conditionMatches(approval.condition, args) ? n : 1;
  return n;
}

/** Can a call of this tool ever be held for approval under the tenant's rule? */
export function canNeedApproval(approval: Pick<ApprovalRule, 'critical' | 'mode'>): boolean {
  return approval.critical || approval.mode !== 'never';
}

const withReason = (base: string, why: string) => (why.trim() ? `${base}: ${why.trim()}` : base);

interface Decision {
  enabled: boolean;
  source: DecisionSource;
  reason: string;
}

function decide(ctx: AccessContext, caller: AccessCaller, tool: AccessTool, policy: AccessToolPolicy | undefined): Decision {
  const t = ctx.tenant;
  if (tool.killedGlobally) return { enabled: false, source: 'killed_global', reason: withReason('killed everywhere', tool.killedReason ?? '') };
  if (policy?.killed) return { enabled: false, source: 'killed_tenant', reason: withReason(`killed for ${t.slug}`, policy.killedReason ?? '') };
  if (!SERVABLE_LIFECYCLES.has(tool.lifecycle)) return { enabled: false, source: 'lifecycle', reason: `not published (${tool.lifecycle})` };
  const rules = ctx.activations.filter((a) => a.toolId === tool.id);
  if (caller.userId) {
    const u = rules.find((a) => a.scope === 'user' && a.userId === caller.userId);
    if (u) {
      const label = ctx.users?.find((x) => x.id === caller.userId)?.label ?? caller.userId;
      return { enabled: u.enabled, source: 'user', reason: withReason(`${u.enabled ? 'enabled' : 'disabled'} for user ${label}`, u.reason) };
    }
  }
  const teamRules = rules.filter((a) => a.scope === 'team' && a.teamId !== null && caller.teamIds.includes(a.teamId));
  if (teamRules.length > 0) {
    const r = teamRules.find((a) => !a.enabled) ?? teamRules[0]!;
    const name = ctx.teams.find((x) => x.id === r.teamId)?.name ?? r.teamId;
    return { enabled: r.enabled, source: 'team', reason: withReason(`${r.enabled ? 'enabled' : 'disabled'} for team ${name}`, r.reason) };
  }
  const tr = rules.find((a) => a.scope === 'tenant');
  if (!tr) return { enabled: false, source: 'default', reason: `not enabled for ${t.slug}` };
  if (!tr.enabled) return { enabled: false, source: 'tenant', reason: withReason(`disabled for ${t.slug}`, tr.reason) };
  if (tr.rolloutPercent === null || tr.rolloutPercent >= 100) return { enabled: true, source: 'tenant', reason: withReason(`enabled for ${t.slug}`, tr.reason) };
  const pct = Math.max(0, tr.rolloutPercent);
  if (!caller.userId) return { enabled: false, source: 'rollout', reason: `rolling out to ${pct}% of ${t.slug}'s users; the caller has no user` };
  const inShare = rolloutBucket(t.id, tool.id, caller.userId) < pct;
  return { enabled: inShare, source: 'rollout', reason: `rolling out to ${pct}% of ${t.slug}'s users; this user is ${inShare ? 'in' : 'not in'} the share` };
}

export function resolveToolAccess(ctx: AccessContext, caller: AccessCaller, tool: AccessTool): ToolAccess {
  const policy = ctx.policies.find((p) => p.toolId === tool.id);
  let d = decide(ctx, caller, tool, policy);
  const pinned = policy?.pinnedVersion ?? null;
  const version = pinned ?? tool.servedVersion;
  if (d.enabled && !tool.versions.includes(version)) {
    d = { enabled: false, source: 'pin', reason: pinned !== null ? `pinned to version ${pinned}, which cannot be served` : `version ${version} cannot be served` };
  }
  if (d.enabled && caller.scopes && caller.scopes.length > 0 && !caller.scopes.includes(tool.slug) && !(tool.category !== undefined && caller.scopes.includes(groupScope(tool.category)))) {
    d = { enabled: false, source: 'scope', reason: "outside the token's scopes" };
  }
  const hasOwn = policy?.requestsPerMinute != null || policy?.callsPerDay != null;
  return {
    toolId: tool.id,
    slug: tool.slug,
    ...d,
    version,
    pinned: pinned !== null,
    limits: {
      tenantTool: {
        requestsPerMinute: policy?.requestsPerMinute ?? ctx.defaults.requestsPerMinute,
        callsPerDay: policy?.callsPerDay ?? ctx.defaults.callsPerDay,
        source: hasOwn ? 'tool_policy' : 'tenant_default',
      },
      token: { requestsPerMinute: caller.token?.requestsPerMinute ?? null, callsPerDay: caller.token?.callsPerDay ?? null },
    },
    approval: {
      mode: policy?.approvalMode ?? 'never',
      condition: isApprovalCondition(policy?.approvalCondition) ? policy.approvalCondition : null,
      approvalsRequired: policy?.approvalsRequired ?? 1,
      critical: tool.critical,
      ttlMinutes: policy?.approvalTtlMinutes ?? DEFAULT_APPROVAL_TTL_MINUTES,
    },
  };
}

/** Every tool of the context, resolved for the caller (ordered by slug). */
export function resolveAccess(ctx: AccessContext, caller: AccessCaller): ToolAccess[] {
  return [...ctx.tools].sort((a, b) => a.slug.localeCompare(b.slug)).map((t) => resolveToolAccess(ctx, caller, t));
}

/** Only the tools the caller may see and call. */
export function enabledTools(ctx: AccessContext, caller: AccessCaller): ToolAccess[] {
  return resolveAccess(ctx, caller).filter((a) => a.enabled);
}

// Fixed-window counter keys in RateCounter, shared by the limiter (/mcp) and the usage shown in the portal.
export const RATE_WINDOWS = { minute: 60_000, day: 86_400_000 } as const;
export type RateWindow = keyof typeof RATE_WINDOWS;

export function rateCounterKey(kind: 'tenant_tool' | 'token', id: { tenantId: string; toolId: string } | { tokenId: string }, window: RateWindow): string {
  const subject = 'tokenId' in id ? id.tokenId : `${id.tenantId}:${id.toolId}`;
  return `rl:${kind}:${subject}:${window}`;
}

export function rateWindowStart(now: Date, window: RateWindow): Date {
  const size = RATE_WINDOWS[window];
  return new Date(Math.floor(now.getTime() / size) * size);
}
