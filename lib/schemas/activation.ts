// Activation, kill switches, version pins and limits; the plan's activation policy document (import/export).
import { z } from 'zod';
import { JsonSyntaxError, parseJsonWithPositions } from '@/lib/json-lines';

const id = z.string().trim().min(1).max(64);
const reason = z.string().trim().max(500, 'Keep the reason under 500 characters.');
const rpm = z.number().int('Use a whole number.').min(1, 'At least 1 request per minute.').max(1_000_000, 'At most 1,000,000 requests per minute.');
const perDay = z.number().int('Use a whole number.').min(1, 'At least 1 call per day.').max(100_000_000, 'At most 100,000,000 calls per day.');

export const RULE_STATES = ['on', 'off', 'inherit'] as const;

export const ZSetActivationRuleInput = z
  .object({
    tenantId: id.describe('Tenant id'),
    toolId: id.describe('Tool id'),
    scope: z.enum(['tenant', 'team', 'user']).describe('Level of the rule; the most specific wins (user > team > tenant)'),
    teamId: id.optional().describe('Team id (scope team)'),
    userId: id.optional().describe('User id (scope user)'),
    state: z.enum(RULE_STATES).describe('on/off: set the rule; inherit: remove it so the less specific level applies'),
    rolloutPercent: z.number().int().min(0, 'Between 0 and 100.').max(100, 'Between 0 and 100.').nullable().default(null)
      .describe('Tenant scope, state on: share of the tenant users (stable per user); null or 100 = everyone'),
    reason: reason.min(3, 'Say why (at least 3 characters); it is shown to operators and kept in the audit log.').describe('Why; shown in the matrix and audit'),
  })
  .superRefine((v, ctx) => {
    if (v.scope === 'team' && !v.teamId) ctx.addIssue({ code: 'custom', path: ['teamId'], message: 'Choose a team.' });
    if (v.scope === 'user' && !v.userId) ctx.addIssue({ code: 'custom', path: ['userId'], message: 'Choose a user.' });
    if (v.rolloutPercent !== null && (v.scope !== 'tenant' || v.state !== 'on')) {
      ctx.addIssue({ code: 'custom', path: ['rolloutPercent'], message: 'A rollout percentage applies only to an enabled tenant-wide rule.' });
    }
  });
export type TSetActivationRuleInput = z.infer<typeof ZSetActivationRuleInput>;

export const ZSetKillSwitchInput = z.object({
  tenantId: id.nullable().describe('Tenant id; null = every tenant (platform admins only)'),
  toolId: id.describe('Tool id'),
  killed: z.boolean().describe('true: the tool is off at once; false: back to its activation rules'),
  reason: reason.min(3, 'Say why (at least 3 characters), e.g. "incident #42".'),
});
export type TSetKillSwitchInput = z.infer<typeof ZSetKillSwitchInput>;

export const ZSetToolPolicyInput = z.object({
  tenantId: id,
  toolId: id,
  pinnedVersion: z.number().int().min(1, 'Versions start at 1.').nullable().describe('Serve this version to the tenant; null = the current version'),
  requestsPerMinute: rpm.nullable().describe('Per tenant × tool; null = tenant default'),
  callsPerDay: perDay.nullable().describe('Per tenant × tool; null = tenant default'),
  reason: reason.default(''),
});
export type TSetToolPolicyInput = z.infer<typeof ZSetToolPolicyInput>;

export const ZSetTokenLimitsInput = z.object({
  tokenId: id,
  requestsPerMinute: rpm.nullable().describe('Per token across tools; null = no token limit'),
  callsPerDay: perDay.nullable().describe('Per token across tools; null = no token limit'),
});
export type TSetTokenLimitsInput = z.infer<typeof ZSetTokenLimitsInput>;

// ─── The plan's activation policy document ───
// {"user_id": "123", "tenant_id": "acme", "enabled_tools": ["…"], "tool_limits": {"requests_per_min": 60}}
// Extensions (optional): "team_id" (a team slug, instead of user_id) and tool_limits.calls_per_day.
export const ZActivationPolicyDoc = z
  .strictObject({
    tenant_id: z.string().trim().min(1, 'tenant_id is required (the tenant slug, e.g. "acme").').max(64).describe('Tenant slug (or id)'),
    user_id: z.string().trim().min(1).max(254).optional().describe('User id (or email): the rule applies to this user only'),
    team_id: z.string().trim().min(1).max(64).optional().describe('Team slug (or id): the rule applies to this team only'),
    enabled_tools: z.array(z.string().trim().min(1, 'Tool names cannot be empty.').max(100)).max(500).describe('Tool slugs enabled for the subject; its other enabled rules are turned off'),
    tool_limits: z
      .strictObject({
        requests_per_min: rpm.optional().describe('Requests per minute per tenant × tool, for each listed tool'),
        calls_per_day: perDay.optional().describe('Calls per day per tenant × tool, for each listed tool'),
      })
      .optional(),
  })
  .superRefine((v, ctx) => {
    if (v.user_id && v.team_id) ctx.addIssue({ code: 'custom', path: ['team_id'], message: 'Give user_id or team_id, not both.' });
    const seen = new Set<string>();
    v.enabled_tools.forEach((t, i) => {
      if (seen.has(t)) ctx.addIssue({ code: 'custom', path: ['enabled_tools', i], message: `"${t}" is listed twice.` });
      seen.add(t);
    });
  });
export type TActivationPolicyDoc = z.infer<typeof ZActivationPolicyDoc>;

export const ZActivationPolicyImport = z.union([ZActivationPolicyDoc, z.array(ZActivationPolicyDoc).min(1, 'The list is empty.').max(1000)]);

export const MAX_IMPORT_BYTES = 1_048_576;

export const ZImportActivationInput = z.object({
  text: z.string().min(1, 'Paste a JSON document or choose a file.').max(MAX_IMPORT_BYTES, 'The document is larger than 1 MiB.'),
});
export type TImportActivationInput = z.infer<typeof ZImportActivationInput>;

export interface ImportIssue {
  line: number;
  column: number;
  /** e.g. "[1].enabled_tools[2]" ("" for the document itself) */
  path: string;
  message: string;
}

export type ParsedImport =
  | { ok: true; docs: { doc: TActivationPolicyDoc; index: number }[]; locate: (path: ReadonlyArray<PropertyKey>) => { line: number; column: number } }
  | { ok: false; issues: ImportIssue[] };

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.map((p) => (typeof p === 'number' || /^\d+$/.test(String(p)) ? `[${String(p)}]` : `.${String(p)}`)).join('').replace(/^\./, '');
}

/** JSON text → validated documents, or issues each with the line and column of the text they concern. */
export function parseActivationImport(text: string): ParsedImport {
  let located;
  try {
    located = parseJsonWithPositions(text);
  } catch (e) {
    if (e instanceof JsonSyntaxError) return { ok: false, issues: [{ ...e.position, path: '', message: `Invalid JSON: ${e.reason}.` }] };
    throw e;
  }
  const r = ZActivationPolicyImport.safeParse(located.value);
  if (!r.success) {
    const isArray = Array.isArray(located.value);
    // A union reports "no match" for a bad document; re-validate each document alone for precise messages.
    const issues = isArray
      ? (located.value as unknown[]).flatMap((d, i) => (ZActivationPolicyDoc.safeParse(d).error?.issues ?? []).map((x) => ({ ...x, path: [i, ...x.path] })))
      : (ZActivationPolicyDoc.safeParse(located.value).error?.issues ?? []);
    const all = issues.length > 0 ? issues : r.error.issues;
    return {
      ok: false,
      issues: all
        .map((x) => ({ ...located.locate(x.code === 'unrecognized_keys' && x.keys[0] ? [...x.path, x.keys[0]] : x.path), path: formatPath(x.path), message: issueMessage(x, valueAt(located.value, x.path)) }))
        .sort((a, b) => a.line - b.line || a.column - b.column),
    };
  }
  const docs = Array.isArray(r.data) ? r.data.map((doc, index) => ({ doc, index })) : [{ doc: r.data, index: -1 }];
  return { ok: true, docs, locate: located.locate };
}

function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  return path.reduce<unknown>((o, k) => (o !== null && typeof o === 'object' ? (o as Record<string, unknown>)[String(k)] : undefined), root);
}

function issueMessage(x: z.core.$ZodIssue, actual: unknown): string {
  if (x.code === 'unrecognized_keys') return `Unknown field${x.keys.length > 1 ? 's' : ''} ${x.keys.map((k) => `"${k}"`).join(', ')}.`;
  if (x.code === 'invalid_type') {
    if (actual === undefined) return `${String(x.path.at(-1) ?? 'value')} is required.`;
    const got = actual === null ? 'null' : Array.isArray(actual) ? 'an array' : typeof actual;
    return `Expected ${x.expected === 'array' ? 'an array' : x.expected === 'object' ? 'an object' : `a ${x.expected}`}, got ${got}.`;
  }
  return x.message;
}

/** Path prefix of one document inside the import (arrays: [i]; a single object: none). */
export function docPath(index: number): (string | number)[] {
  return index < 0 ? [] : [index];
}

// ─── Import preview / export DTOs ───
export type TImportChange = {
  tenant: string;
  subject: string; // "tenant", "team Support", "user a@b.c"
  tool: string;
  change: 'enable' | 'disable' | 'limits';
  before: string;
  after: string;
};
export type TImportPreview = { ok: true; changes: TImportChange[]; unchanged: number } | { ok: false; issues: ImportIssue[] };
