import { z } from 'zod';

export const AUDIT_OUTCOMES = ['success', 'denied', 'error', 'pending_approval'] as const;

export const ZFindAuditEventsInput = z.object({
  q: z.string().trim().max(200).default('').describe('Matches request id, action, tool, actor or resource'),
  outcome: z.enum(AUDIT_OUTCOMES).optional().describe('Only events with this outcome'),
  tool: z.string().trim().max(100).optional().describe('Only calls of this tool (slug)'),
  tenant: z.string().trim().max(100).optional().describe('Tenant slug (platform staff only)'),
  from: z.iso.date().optional().describe('From this day (inclusive, UTC)'),
  to: z.iso.date().optional().describe('Until this day (inclusive, UTC)'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(5).max(200).default(25),
});
export type TFindAuditEventsInput = z.infer<typeof ZFindAuditEventsInput>;

export const ZAuditEventDto = z.object({
  id: z.string(),
  requestId: z.string(),
  createdAt: z.string(),
  tenant: z.string().nullable(),
  actor: z.string(),
  actorKind: z.string(),
  via: z.string(),
  action: z.string(),
  resource: z.string(),
  toolSlug: z.string().nullable(),
  outcome: z.enum(AUDIT_OUTCOMES),
  errorCode: z.string().nullable(),
  latencyMs: z.number().nullable(),
  resourcesTouched: z.array(z.string()),
});
export type TAuditEventDto = z.infer<typeof ZAuditEventDto>;
