// Catalogue: the single source of truth for the list filters (page, GET /api/v1/tools, export), the owner edit
// form and the tool-version review. Isomorphic (no server imports).
import { z } from 'zod';
import { DATA_CLASSIFICATIONS, RISK_LEVELS } from '@/lib/schemas/tool-request';

export const TOOL_LIFECYCLES = ['draft', 'in_review', 'published', 'deprecated', 'retired'] as const;
export const LIFECYCLE_LABELS: Record<(typeof TOOL_LIFECYCLES)[number], string> = {
  draft: 'Draft', in_review: 'In review', published: 'Published', deprecated: 'Deprecated', retired: 'Retired',
};
export const TOOL_SORTS = ['name', 'recent', 'risk_desc', 'risk_asc', 'owner'] as const;
export const SORT_LABELS: Record<(typeof TOOL_SORTS)[number], string> = {
  name: 'Name (A–Z)', recent: 'Recently updated', risk_desc: 'Risk (highest first)', risk_asc: 'Risk (lowest first)', owner: 'Owner team',
};
export const AUDIT_LEVELS = ['metadata', 'full_redacted', 'full'] as const;
export const TOOL_VERSION_STATUSES = ['draft', 'in_review', 'approved', 'rejected', 'superseded'] as const;

export const ZFindToolsInput = z
  .object({
    q: z.string().trim().max(200, 'Keep the search under 200 characters.').default('').describe('Full-text search in name, title, description, tags and owner team'),
    risk: z.enum(RISK_LEVELS, { error: 'risk must be one of low, medium, high, critical.' }).optional().describe('Only tools at this risk level'),
    dataClassification: z.enum(DATA_CLASSIFICATIONS, { error: 'dataClassification must be one of public, internal, confidential, pii.' }).optional().describe('Only tools handling this data class'),
    ownerTeam: z.string().trim().min(1).max(80).optional().describe('Only tools owned by this team (exact name, case-insensitive)'),
    lifecycle: z.enum(TOOL_LIFECYCLES, { error: `lifecycle must be one of ${TOOL_LIFECYCLES.join(', ')}.` }).optional().describe('Only tools in this lifecycle status'),
    category: z.string().trim().min(1).max(60).optional().describe('Only tools of this category'),
    access: z.enum(['read_only', 'write'], { error: 'access must be read_only or write.' }).optional().describe('read_only: tools that never change data; write: tools that do'),
    enabled: z.enum(['yes', 'no'], { error: 'enabled must be yes or no.' }).optional().describe("yes: only tools enabled for the caller in its tenant; no: only those that are not"),
    sort: z.enum(TOOL_SORTS, { error: `sort must be one of ${TOOL_SORTS.join(', ')}.` }).default('name').describe('Sort order'),
    page: z.coerce.number({ error: 'page must be a number.' }).int('page must be a whole number.').min(1, 'page starts at 1.').max(10_000).default(1),
    pageSize: z.coerce.number({ error: 'pageSize must be a number.' }).int('pageSize must be a whole number.').min(5, 'pageSize is at least 5.').max(100, 'pageSize is at most 100.').default(25),
  })
  .strict();
export type TFindToolsInput = z.infer<typeof ZFindToolsInput>;

export const ZExportToolsInput = ZFindToolsInput.omit({ page: true, pageSize: true }).extend({
  format: z.enum(['json', 'csv'], { error: 'format must be json or csv.' }).default('json').describe('Export format'),
});
export type TExportToolsInput = z.infer<typeof ZExportToolsInput>;

export const ZToolSummary = z.object({
  id: z.string(), slug: z.string(), title: z.string(), description: z.string(), category: z.string(), ownerTeam: z.string(),
  lifecycle: z.enum(TOOL_LIFECYCLES), riskLevel: z.enum(RISK_LEVELS), dataClassification: z.enum(DATA_CLASSIFICATIONS),
  readOnly: z.boolean(), critical: z.boolean(), tags: z.array(z.string()), servedVersion: z.number(), killedGlobally: z.boolean(),
  enabledForMe: z.boolean().nullable().describe('null when the caller has no tenant'), updatedAt: z.string(),
});
export type TToolSummary = z.infer<typeof ZToolSummary>;

const jsonObjectText = (what: string) =>
  z.string().trim().transform((s, ctx) => {
    if (s === '') return null;
    try {
      const v: unknown = JSON.parse(s);
      if (!v || typeof v !== 'object' || Array.isArray(v)) {
        ctx.addIssue({ code: 'custom', message: `The ${what} must be a JSON object.` });
        return z.NEVER;
      }
      return v as Record<string, unknown>;
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: `The ${what} is not valid JSON: ${e instanceof Error ? e.message : 'parse error'}.` });
      return z.NEVER;
    }
  });

const lines = (max: number, what: string) =>
  z.preprocess(
    (v) => (Array.isArray(v) ? v : typeof v === 'string' ? v.split(/[\n,]+/) : v),
    z.array(z.string().trim().max(80, `Each ${what} is at most 80 characters.`)).transform((a) => [...new Set(a.filter((x) => x !== ''))]).pipe(z.array(z.string()).max(max, `List at most ${max} ${what}s.`)),
  );
const checkbox = z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean());

/** Fields an owner changes in place (agents never see them). */
export const ZToolRecordEdit = z.object({
  category: z.string().trim().min(2, 'Give a category of at least 2 characters.').max(60),
  ownerTeam: z.string().trim().min(2, 'Name the owner team.').max(80),
  tags: lines(20, 'tag'),
  dataRead: lines(30, 'data source'),
  dataWritten: lines(30, 'data target'),
  timeoutMs: z.coerce.number({ error: 'Timeout must be a number of milliseconds.' }).int().min(100, 'Timeout is at least 100 ms.').max(120_000, 'Timeout is at most 120,000 ms.'),
  maxInputBytes: z.coerce.number({ error: 'Input limit must be a number of bytes.' }).int().min(256, 'Input limit is at least 256 bytes.').max(10_485_760, 'Input limit is at most 10 MiB.'),
  maxOutputBytes: z.coerce.number({ error: 'Output limit must be a number of bytes.' }).int().min(256, 'Output limit is at least 256 bytes.').max(10_485_760, 'Output limit is at most 10 MiB.'),
  sloP95Ms: z.coerce.number({ error: 'The p95 target must be a number of milliseconds.' }).int().min(1, 'The p95 target is at least 1 ms.').max(120_000),
  sloSuccessRate: z.coerce.number({ error: 'The success-rate target must be a percentage.' }).min(50, 'The success-rate target is at least 50 %.').max(100, 'The success-rate target is at most 100 %.').describe('Percent, e.g. 99.5'),
});

/** What an agent sees: a change here creates a new version that a security reviewer approves before it is served. */
export const ZToolDefinitionEdit = z.object({
  name: z.string().trim().regex(/^[a-z][a-z0-9_]{2,62}$/, 'The tool name must be 3–63 characters: lowercase letters, digits and underscores, starting with a letter.'),
  title: z.string().trim().min(3, 'Give a title of at least 3 characters.').max(120),
  description: z.string().trim().min(20, 'Describe the tool for agents in at least 20 characters.').max(2000, 'Keep the description under 2,000 characters.'),
  inputSchema: jsonObjectText('input schema').refine((v) => v !== null, 'The input schema is required.'),
  outputSchema: jsonObjectText('output schema'),
  readOnlyHint: checkbox,
  destructiveHint: checkbox,
  idempotentHint: checkbox,
  openWorldHint: checkbox,
  changeNote: z.string().trim().max(500, 'Keep the change note under 500 characters.').default(''),
});

export const ZUpdateToolInput = ZToolRecordEdit.extend(ZToolDefinitionEdit.shape).extend({
  slug: z.string().min(1).max(80).describe('The tool being edited (current name)'),
});
export type TUpdateToolInput = z.infer<typeof ZUpdateToolInput>;

export const ZToolVersionDecisionInput = z
  .object({
    versionId: z.string().min(1).max(64),
    outcome: z.enum(['approve', 'reject'], { error: 'Choose approve or reject.' }),
    reason: z.string().trim().max(2000).default(''),
  })
  .superRefine((v, ctx) => {
    if (v.outcome === 'reject' && v.reason.length < 10) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Give the reason for the rejection (at least 10 characters).' });
  });
export type TToolVersionDecisionInput = z.infer<typeof ZToolVersionDecisionInput>;

/** Query-string → filters: empty values dropped (an empty select means "any"). */
export function cleanParams(raw: Record<string, string | string[] | undefined>): Record<string, string | string[]> {
  return Object.fromEntries(Object.entries(raw).filter((e): e is [string, string | string[]] => e[1] !== undefined && e[1] !== ''));
}
