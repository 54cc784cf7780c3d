// Tenant policies: egress allowlist, PII rules, data scopes, approval rules, default limits; tenant secrets.
import { z } from 'zod';
import { checkRegexSafety, MAX_PATTERN_LENGTH } from '@/lib/regex-safety';
import { DEFAULT_APPROVAL_TTL_MINUTES } from '@/lib/schemas/approvals';

// ─── Egress allowlist ───
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** null when the entry is a valid host ("api.github.com") or subdomain wildcard ("*.example.com"), else why not. */
export function egressHostProblem(raw: string): string | null {
  const host = raw.trim().toLowerCase();
  if (!host) return 'Empty entry.';
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(host)) return 'Give a host name only, without "https://".';
  if (/[/?#@]/.test(host)) return 'Give a host name only, without a path, query or user.';
  if (host.includes(':') || host.startsWith('[')) return 'Give a host name only, without a port; IP addresses are not allowed.';
  if (IPV4.test(host)) return 'IP addresses are not allowed; use a host name.';
  if (host.length > 253) return 'Host names are at most 253 characters.';
  const wildcard = host.startsWith('*.');
  const rest = wildcard ? host.slice(2) : host;
  if (rest.includes('*')) return 'A wildcard is allowed only as the first label, as in "*.example.com".';
  const labels = rest.split('.');
  if (labels.some((l) => !LABEL.test(l))) return 'Each label uses letters, digits and hyphens (not at either end), 1 to 63 characters.';
  if (labels.length < 2) return wildcard ? 'A wildcard must be followed by a domain, as in "*.example.com" (not a top-level domain).' : 'Use a fully qualified host name, as in "api.example.com".';
  if (/^\d+$/.test(labels[labels.length - 1]!)) return 'The top-level domain cannot be numeric.';
  return null;
}

export const ZEgressHost = z
  .string()
  .trim()
  .toLowerCase()
  .superRefine((h, ctx) => {
    const p = egressHostProblem(h);
    if (p) ctx.addIssue({ code: 'custom', message: `"${h}": ${p}` });
  })
  .describe('Host name, or "*.example.com" for any subdomain of example.com (not example.com itself)');

export const ZSetEgressAllowlistInput = z.object({
  tenantId: z.string().min(1),
  hosts: z
    .array(ZEgressHost)
    .max(200, 'At most 200 hosts.')
    .transform((hs) => [...new Set(hs)].sort())
    .describe('Hosts every tool that reaches out may contact'),
});
export type TSetEgressAllowlistInput = z.infer<typeof ZSetEgressAllowlistInput>;

/** Does the allowlist admit this host? "*.example.com" admits "a.example.com" and "a.b.example.com", not "example.com". */
export function hostAllowed(allowlist: readonly string[], host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return allowlist.some((entry) => (entry.startsWith('*.') ? h.endsWith(entry.slice(1)) && h.length > entry.length - 1 : h === entry));
}

// ─── PII rules ───
export const PII_DETECTORS = ['email', 'phone', 'iban', 'card', 'nir'] as const;
export type TPiiDetector = (typeof PII_DETECTORS)[number];
export const PII_LABELS: Record<TPiiDetector, string> = {
  email: 'Email addresses',
  phone: 'Phone numbers',
  iban: 'IBANs',
  card: 'Payment cards (Luhn-checked)',
  nir: 'French social security numbers (NIR)',
};

export const ZCustomPiiPattern = z.object({
  name: z.string().trim().min(1, 'Name the pattern.').max(40, 'At most 40 characters.').regex(/^[A-Za-z0-9 _-]+$/, 'Letters, digits, spaces, "-" and "_" only.')
    .describe('Shown in the redaction marker, e.g. [REDACTED:employee_id]'),
  pattern: z
    .string()
    .max(MAX_PATTERN_LENGTH, `At most ${MAX_PATTERN_LENGTH} characters.`)
    .superRefine((p, ctx) => {
      const r = checkRegexSafety(p);
      if (!r.ok) ctx.addIssue({ code: 'custom', message: r.reason });
    })
    .describe('JavaScript regular expression (Unicode mode), applied globally'),
});
export type TCustomPiiPattern = z.infer<typeof ZCustomPiiPattern>;

export const ZPiiRules = z.object({
  email: z.boolean().default(true),
  phone: z.boolean().default(true),
  iban: z.boolean().default(true),
  card: z.boolean().default(true),
  nir: z.boolean().default(true),
  custom: z
    .array(ZCustomPiiPattern)
    .max(20, 'At most 20 custom patterns.')
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      list.forEach((c, i) => {
        if (seen.has(c.name)) ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `"${c.name}" is used twice.` });
        seen.add(c.name);
      });
    })
    .default([]),
});
export type TPiiRules = z.infer<typeof ZPiiRules>;

export const ZSetPiiRulesInput = z.object({ tenantId: z.string().min(1), rules: ZPiiRules });
export type TSetPiiRulesInput = z.infer<typeof ZSetPiiRulesInput>;

export const ZTestPiiInput = z.object({
  rules: ZPiiRules,
  text: z.string().max(10_000, 'Test at most 10,000 characters.'),
});

// ─── Data scopes ───
export const DATA_SCOPES = ['customers', 'orders', 'invoices'] as const;
export const ZSetDataScopesInput = z.object({
  tenantId: z.string().min(1),
  scopes: z.array(z.enum(DATA_SCOPES, 'Unknown table; choose customers, orders or invoices.')).transform((s) => [...new Set(s)].sort())
    .describe('Tables of the tenant dataset sql_query may read'),
});
export type TSetDataScopesInput = z.infer<typeof ZSetDataScopesInput>;

// ─── Default limits ───
export const ZSetDefaultLimitsInput = z.object({
  tenantId: z.string().min(1),
  defaultRequestsPerMinute: z.number().int('Use a whole number.').min(1).max(1_000_000),
  defaultCallsPerDay: z.number().int('Use a whole number.').min(1).max(100_000_000),
});
export type TSetDefaultLimitsInput = z.infer<typeof ZSetDefaultLimitsInput>;

// ─── Approval rules ───
export const APPROVAL_OPS = ['gt', 'gte', 'lt', 'lte', 'eq', 'neq'] as const;
export const APPROVAL_OP_LABELS: Record<(typeof APPROVAL_OPS)[number], string> = { gt: '>', gte: '≥', lt: '<', lte: '≤', eq: '=', neq: '≠' };

export const ZApprovalCondition = z.object({
  field: z.string().trim().regex(/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/, 'An argument name, e.g. "amount" or "payment.amount".').max(100),
  op: z.enum(APPROVAL_OPS),
  value: z.union([z.number().finite(), z.string().max(200), z.boolean()]),
});
export type TApprovalCondition = z.infer<typeof ZApprovalCondition>;

export const ZSetApprovalRuleInput = z
  .object({
    tenantId: z.string().min(1),
    toolId: z.string().min(1),
    mode: z.enum(['never', 'always', 'conditional']).describe('never / always / when the condition on the arguments holds'),
    condition: ZApprovalCondition.nullable().default(null),
    approvalsRequired: z.number().int().min(1, 'At least one approval.').max(2, 'At most two approvers (two-person rule).').default(1)
      .describe('How many different operators must approve (2: the two-person rule); for a critical tool with a condition, above the condition'),
    approvalTtlMinutes: z.number({ error: 'Give the expiry in minutes.' }).int('Use a whole number of minutes.').min(1, 'At least 1 minute.').max(1440, 'At most 1,440 minutes (24 hours).')
      .optional().describe(`Minutes a held call waits for a decision before it expires, refused (default ${DEFAULT_APPROVAL_TTL_MINUTES}); omitted: unchanged`),
  })
  .superRefine((v, ctx) => {
    if (v.mode === 'conditional' && !v.condition) ctx.addIssue({ code: 'custom', path: ['condition'], message: 'A conditional rule needs a condition.' });
    if (v.mode !== 'conditional' && v.condition) ctx.addIssue({ code: 'custom', path: ['condition'], message: 'Only a conditional rule has a condition.' });
    if (v.condition && ['gt', 'gte', 'lt', 'lte'].includes(v.condition.op) && typeof v.condition.value !== 'number') {
      ctx.addIssue({ code: 'custom', path: ['condition', 'value'], message: 'Compare with a number.' });
    }
  });
export type TSetApprovalRuleInput = z.infer<typeof ZSetApprovalRuleInput>;

// ─── Secrets (write-only) ───
export const ZSecretName = z.string().trim().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, 'Letters, digits and "_", starting with a letter (e.g. GITHUB_TOKEN).');
export const ZSetSecretInput = z.object({
  tenantId: z.string().min(1),
  toolSlug: z.string().trim().regex(/^[a-z][a-z0-9_]{1,63}$/, 'A tool slug, e.g. github_search_issues.'),
  name: ZSecretName,
  value: z.string().min(1, 'Enter the secret value.').max(8192, 'At most 8 KiB.'),
});
export type TSetSecretInput = z.infer<typeof ZSetSecretInput>;

export const ZDeleteSecretInput = z.object({ tenantId: z.string().min(1), secretId: z.string().min(1) });

export const ZSecretDto = z.object({
  id: z.string(),
  toolSlug: z.string(),
  name: z.string(),
  last4: z.string(),
  keyId: z.string(),
  updatedAt: z.string(),
});
export type TSecretDto = z.infer<typeof ZSecretDto>;
