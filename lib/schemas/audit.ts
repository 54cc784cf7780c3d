import { z } from 'zod';

export const AUDIT_OUTCOMES = ['success', 'denied', 'error', 'pending_approval'] as const;
export const AUDIT_CHANNELS = ['portal', 'api', 'mcp', 'cli', 'seed'] as const;

/** Counts are exact up to this many matches; beyond it the UI says "10,000+". */
export const AUDIT_COUNT_LIMIT = 10_000;

// A day (`2026-11-30`), a minute or a second (`2026-11-30T09:15`), optionally with a zone (`Z`, `+01:00`).
// Without a zone the time is UTC; the portal's form sends full UTC instants converted from the user's zone.
const instant = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/, 'Use a date (2026-11-30) or a date and time (2026-11-30T09:15Z).');

const facet = (max: number) => z.string().trim().min(1).max(max);

/** The filters of an audit search, shared by the page, the REST list and the export (all from the query string). */
export const ZAuditSearch = z.object({
  q: z.string().trim().max(200).default('').describe('Free text: exact request id, event id or resource id; prefix of an id, action, tool or actor label (case-sensitive)'),
  tenant: facet(100).optional().describe('Tenant slug (platform staff and auditors only; ignored for a tenant admin, who sees their own tenant)'),
  actor: facet(200).optional().describe('Actor label or id, e.g. token:finance-bot or operator@acme.example'),
  via: z.enum(AUDIT_CHANNELS).optional().describe('Channel the event came through'),
  action: facet(100).optional().describe('Action, e.g. tool.called or tool_request.approved'),
  tool: facet(100).optional().describe('Tool slug'),
  outcome: z.enum(AUDIT_OUTCOMES).optional().describe('Outcome'),
  errorCode: facet(60).optional().describe('Error code, e.g. FORBIDDEN'),
  resource: facet(300).optional().describe('Resource id: the event\u2019s resource or one of the resources it touched'),
  from: instant.optional().describe('From this instant (inclusive); a bare date means 00:00 UTC'),
  to: instant.optional().describe('Until this instant (inclusive); a bare date means the whole day (UTC)'),
});
export type TAuditSearch = z.infer<typeof ZAuditSearch>;

export const ZFindAuditEventsInput = ZAuditSearch.extend({
  cursor: z.string().max(200).optional().describe('Opaque cursor from the previous page (nextCursor)'),
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('Events per page'),
});
export type TFindAuditEventsInput = z.infer<typeof ZFindAuditEventsInput>;

export const ZAuditExportInput = ZAuditSearch.extend({
  format: z.enum(['csv', 'jsonl']).default('csv').describe('csv or jsonl (one JSON object per line)'),
});
export type TAuditExportInput = z.infer<typeof ZAuditExportInput>;

export const ZAuditEventDto = z.object({
  id: z.string(),
  requestId: z.string(),
  createdAt: z.string(),
  tenant: z.string().nullable(),
  actor: z.string(),
  actorId: z.string().nullable(),
  actorKind: z.string(),
  via: z.string(),
  action: z.string(),
  resourceType: z.string(),
  resourceId: z.string().nullable(),
  toolSlug: z.string().nullable(),
  toolVersion: z.number().nullable(),
  outcome: z.enum(AUDIT_OUTCOMES),
  errorCode: z.string().nullable(),
  latencyMs: z.number().nullable(),
  costMicros: z.number().nullable(),
  resourcesTouched: z.array(z.string()),
  ip: z.string().nullable(),
});
export type TAuditEventDto = z.infer<typeof ZAuditEventDto>;

export interface AuditPage {
  items: TAuditEventDto[];
  nextCursor: string | null;
  /** Matches of the whole search (not the page): exact up to AUDIT_COUNT_LIMIT, else `atLeast` is true. */
  count: { value: number; atLeast: boolean };
}

export interface AuditChainPosition {
  seq: string;
  hash: string | null;
  prevHash: string | null;
  sealedAt: string | null;
}

export interface AuditEventDetail extends TAuditEventDto {
  inputBytes: number | null;
  outputBytes: number | null;
  details: unknown;
  traceId: string | null;
  /** `hash` and `sealedAt` stay null until the sealer has chained the event. */
  chain: AuditChainPosition;
  /** Other events with the same request id (a held call's decisions and execution), oldest first. */
  related: TAuditEventDto[];
}
