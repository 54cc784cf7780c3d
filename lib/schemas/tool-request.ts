// Tool intake: the single source of truth for the request form, the server actions, the REST routes and any
// MCP method. Isomorphic (no server imports).
import { z } from 'zod';

export const WORKFLOWS = ['support', 'finance', 'hr', 'other'] as const;
export const WORKFLOW_LABELS: Record<(typeof WORKFLOWS)[number], string> = { support: 'Support', finance: 'Finance', hr: 'HR', other: 'Other' };
export const DATA_CLASSIFICATIONS = ['public', 'internal', 'confidential', 'pii'] as const;
export const DATA_CLASSIFICATION_LABELS: Record<(typeof DATA_CLASSIFICATIONS)[number], string> = {
  public: 'Public', internal: 'Internal', confidential: 'Confidential', pii: 'PII (personal data)',
};
export const RISK_LEVELS = ['low', 'medium', 'high', 'critical'] as const;
export const REQUEST_STATUSES = ['draft', 'submitted', 'in_review', 'changes_requested', 'approved', 'rejected', 'published', 'deprecated'] as const;
export const REQUEST_STATUS_LABELS: Record<TToolRequestStatus, string> = {
  draft: 'Draft', submitted: 'Submitted', in_review: 'In review', changes_requested: 'Changes requested', approved: 'Approved',
  rejected: 'Rejected', published: 'Published', deprecated: 'Deprecated',
};
export type TToolRequestStatus = (typeof REQUEST_STATUSES)[number];
export type TRiskLevel = (typeof RISK_LEVELS)[number];
export type TDataClassification = (typeof DATA_CLASSIFICATIONS)[number];

const HOST = /^(?=.{1,253}$)(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const SCOPE = /^[a-z][a-z0-9_-]*(:[a-z0-9_*-]+)+$/;

/** Accepts an array or a newline/comma separated string (textarea) and returns trimmed, non-empty, unique items. */
const list = (item: z.ZodString, max: number, what: string) =>
  z.preprocess(
    (v) => {
      const arr = Array.isArray(v) ? v : typeof v === 'string' ? v.split(/[\n,]+/) : v;
      return Array.isArray(arr) ? [...new Set(arr.map((x) => (typeof x === 'string' ? x.trim().toLowerCase() : x)).filter((x) => x !== ''))] : arr;
    },
    z.array(item).max(max, `List at most ${max} ${what}.`),
  );

/** Checkbox values from forms ('on', 'true') or JSON booleans. */
const bool = z.preprocess((v) => (v === 'on' || v === 'true' || v === true ? true : v === 'false' || v === '' || v === undefined || v === null ? false : v), z.boolean());

/** An optional estimate: empty or null (a stored request without one) means "not given". */
const estimate = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === null || v === '' ? undefined : v), schema.optional());

export const ZToolRequestFields = z.object({
  title: z.string({ error: 'Give the tool a title of at least 3 characters.' }).trim().min(3, 'Give the tool a title of at least 3 characters.').max(120, 'Keep the title under 120 characters.').describe('Short name of the requested tool'),
  useCase: z.string({ error: 'Describe the use case in at least 20 characters: who uses it, for what.' }).trim().min(20, 'Describe the use case in at least 20 characters: who uses it, for what.').max(4000, 'Keep the use case under 4,000 characters.').describe('What the tool is for and who uses it'),
  workflow: z.enum(WORKFLOWS, { error: 'Choose a workflow: Support, Finance, HR or Other.' }).describe('Business workflow the tool serves'),
  ownerTeam: z.string({ error: 'Name the business owner team.' }).trim().min(2, 'Name the business owner team.').max(80, 'Keep the team name under 80 characters.').describe('Team accountable for the tool'),
  dataConsulted: z.string({ error: 'Say which data the tool reads (e.g. "customer records").' }).trim().min(3, 'Say which data the tool reads (e.g. "customer records").').max(1000, 'Keep this under 1,000 characters.').describe('Data the tool reads'),
  dataWritten: z.string({ error: 'Data written must be text.' }).trim().max(1000, 'Keep this under 1,000 characters.').default('').describe('Data the tool writes or changes; empty if none'),
  dataClassification: z.enum(DATA_CLASSIFICATIONS, { error: 'Choose a data classification: Public, Internal, Confidential or PII.' }).describe('Most sensitive class of data involved'),
  externalHosts: list(z.string().regex(HOST, 'Each external host must be a hostname such as api.example.com or *.example.com (no scheme, path or port).'), 20, 'hosts')
    .default([]).describe('External hosts the tool must reach (egress allowlist entries)'),
  writeActions: bool.default(false).describe('The tool creates, changes or deletes data'),
  criticalActions: bool.default(false).describe('The tool moves money, deletes records or communicates externally'),
  expectedVolume: z.coerce.number({ error: 'Expected volume must be a number of calls per day.' }).int('Expected volume must be a whole number.').min(0, 'Expected volume cannot be negative.').max(10_000_000, 'Expected volume above 10,000,000 calls per day needs a capacity review first.').default(0).describe('Expected calls per day'),
  requestedScopes: list(z.string().regex(SCOPE, 'Each scope looks like resource:action, e.g. crm:read.'), 30, 'scopes').default([]).describe('Scopes the tool needs, e.g. crm:read'),
  // The business team's estimate, optional: it ranks the request on the candidates board.
  estCallsPerWeek: estimate(z.coerce.number({ error: 'Calls per week must be a number.' }).int('Calls per week must be a whole number.').min(0, 'Calls per week cannot be negative.').max(10_000_000, 'Calls per week must be at most 10,000,000.')).describe('Estimated calls per week, per team using it'),
  estMinutesSavedPerCall: estimate(z.coerce.number({ error: 'Minutes saved per call must be a number.' }).min(0, 'Minutes saved per call cannot be negative.').max(480, 'Minutes saved per call must be at most 480 (a working day).')).describe('Estimated minutes of work saved by each call'),
  estTeams: estimate(z.coerce.number({ error: 'Teams must be a number.' }).int('Teams must be a whole number.').min(1, 'At least one team would use it.').max(1000, 'Teams must be at most 1,000.')).describe('How many teams would use the tool'),
});
export type TToolRequestFields = z.infer<typeof ZToolRequestFields>;

/** A full, submittable request (also the body of POST /api/v1/tool-requests with submit=true). */
export const ZCreateToolRequestInput = ZToolRequestFields.extend({
  submit: bool.default(false).describe('Submit for review at once instead of keeping a draft'),
});
export type TCreateToolRequestInput = z.infer<typeof ZCreateToolRequestInput>;

/** Drafts are kept with whatever is filled in; only the title is required, and filled fields must be well-formed. */
export const ZSaveToolRequestDraftInput = ZToolRequestFields.partial().extend({
  title: ZToolRequestFields.shape.title,
  id: z.string().min(1).optional().describe('Existing draft to update; omitted to create one'),
});
export type TSaveToolRequestDraftInput = z.infer<typeof ZSaveToolRequestDraftInput>;

export const ZToolRequestId = z.object({ id: z.string().min(1).max(64).describe('Tool request id') });

export const CHECKLIST_ITEMS = [
  { key: 'leastPrivilegeScopes', label: 'Least-privilege scopes', help: 'Requested scopes are the minimum the use case needs.' },
  { key: 'piiHandling', label: 'PII handling', help: 'Personal data is redacted in logs and only read when required.' },
  { key: 'egressAllowlist', label: 'Egress allowlist', help: 'Every external host is named and justified; no wildcards to the internet.' },
  { key: 'auditLevel', label: 'Audit level', help: 'The audit level fits the data class (full for critical actions).' },
  { key: 'humanApproval', label: 'Human approval for critical actions', help: 'Money movement, deletion and external messages need an operator approval.' },
  { key: 'limits', label: 'Timeouts and size limits', help: 'Timeout, input and output size limits are set and realistic.' },
] as const;
export type TChecklistKey = (typeof CHECKLIST_ITEMS)[number]['key'];

export const ZReviewChecklist = z.object(
  Object.fromEntries(CHECKLIST_ITEMS.map((c) => [c.key, bool.default(false).describe(c.label)])) as Record<TChecklistKey, z.ZodDefault<typeof bool>>,
);
export type TReviewChecklist = z.infer<typeof ZReviewChecklist>;

export const REVIEW_OUTCOMES = ['approve', 'changes_requested', 'reject'] as const;

export const ZReviewDecisionInput = z
  .object({
    id: z.string().min(1).max(64).describe('Tool request id'),
    outcome: z.enum(REVIEW_OUTCOMES, { error: 'Choose a decision: approve, request changes or reject.' }).describe('The reviewer decision'),
    reason: z.string().trim().max(4000).default('').describe('Why; required to reject or request changes'),
    checklist: ZReviewChecklist.default({ leastPrivilegeScopes: false, piiHandling: false, egressAllowlist: false, auditLevel: false, humanApproval: false, limits: false }),
  })
  .superRefine((v, ctx) => {
    if (v.outcome !== 'approve' && v.reason.length < 10) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: v.outcome === 'reject' ? 'Give the reason for the rejection (at least 10 characters).' : 'Say what must change (at least 10 characters).' });
    }
    if (v.outcome === 'approve') {
      const missing = CHECKLIST_ITEMS.filter((c) => !v.checklist[c.key]).map((c) => c.label);
      if (missing.length) ctx.addIssue({ code: 'custom', path: ['checklist'], message: `Check every item before approving; unchecked: ${missing.join(', ')}.` });
    }
  });
export type TReviewDecisionInput = z.infer<typeof ZReviewDecisionInput>;

export const ZCommentInput = z.object({
  id: z.string().min(1).max(64).describe('Tool request id'),
  comment: z.string().trim().min(1, 'Write a comment.').max(4000, 'Keep comments under 4,000 characters.').describe('Comment text'),
});

export const ZPublishToolRequestInput = z.object({
  id: z.string().min(1).max(64).describe('Tool request id'),
  slug: z.string().trim().regex(/^[a-z][a-z0-9_]{2,62}$/, 'The tool name must be 3–63 characters: lowercase letters, digits and underscores, starting with a letter.').optional().or(z.literal('').transform(() => undefined)).describe('Tool name agents will see; derived from the title when omitted'),
});

export const ZDeprecateToolRequestInput = z.object({
  id: z.string().min(1).max(64).describe('Tool request id'),
  reason: z.string().trim().min(10, 'Say why the tool is deprecated (at least 10 characters).').max(2000),
});

export const ZFindToolRequestsInput = z.object({
  view: z.enum(['mine', 'queue', 'all']).default('mine').describe('mine: my requests; queue: review queue (oldest first); all: every request I may read'),
  q: z.string().trim().max(200).default('').describe('Matches title, use case or owner team'),
  status: z.enum(REQUEST_STATUSES).optional().describe('Only requests in this status'),
  risk: z.enum(RISK_LEVELS).optional().describe('Only requests at this risk level'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(5).max(100).default(20),
});
export type TFindToolRequestsInput = z.infer<typeof ZFindToolRequestsInput>;

export const ZRiskFactor = z.object({ code: z.string(), label: z.string(), weight: z.number().int(), detail: z.string() });
export type TRiskFactor = z.infer<typeof ZRiskFactor>;

export const ZToolRequestSummary = z.object({
  id: z.string(), title: z.string(), status: z.enum(REQUEST_STATUSES), riskLevel: z.enum(RISK_LEVELS), riskScore: z.number(),
  workflow: z.string(), ownerTeam: z.string(), tenant: z.string(), requester: z.string(), requiredApprovals: z.number(), approvals: z.number(),
  round: z.number(), createdAt: z.string(), submittedAt: z.string().nullable(), updatedAt: z.string(),
});
export type TToolRequestSummary = z.infer<typeof ZToolRequestSummary>;
