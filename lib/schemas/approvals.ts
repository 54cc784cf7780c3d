// Human in the loop: the approval of a held critical call, as operators, integrations and agents see it.
// Isomorphic: drives the inbox, the REST routes, the server actions and the approval_status MCP tool.
import { z } from 'zod';

export const APPROVAL_STATUSES = ['pending', 'approved', 'executing', 'executed', 'denied', 'expired', 'cancelled', 'void'] as const;
export const ZApprovalStatus = z.enum(APPROVAL_STATUSES);
export type TApprovalStatus = z.infer<typeof ZApprovalStatus>;

/** Statuses after which nothing more happens to an approval. */
export const TERMINAL_APPROVAL_STATUSES: readonly TApprovalStatus[] = ['executed', 'denied', 'expired', 'cancelled', 'void'];

export const APPROVAL_STATUS_LABELS: Record<TApprovalStatus, string> = {
  pending: 'Pending',
  approved: 'Approved',
  executing: 'Executing',
  executed: 'Executed',
  denied: 'Denied',
  expired: 'Expired',
  cancelled: 'Withdrawn',
  void: 'Void',
};

/** How long a held call waits for a decision unless the tenant's tool policy says otherwise. */
export const DEFAULT_APPROVAL_TTL_MINUTES = 15;

// ─── Operators ───

export const ZApprovalDecisionInput = z
  .object({
    decision: z.enum(['approve', 'deny'], { error: 'Choose approve or deny.' }).describe('approve runs the held call once enough operators approved; deny refuses it'),
    reason: z.string({ error: 'The reason must be text.' }).trim().max(1000, 'Keep the reason under 1,000 characters.').default('').describe('Why (required to deny)'),
  })
  .superRefine((v, ctx) => {
    if (v.decision === 'deny' && v.reason.length < 3) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Say why you deny this call (at least 3 characters): the agent and its owner will read it.' });
  });
export type TApprovalDecisionInput = z.infer<typeof ZApprovalDecisionInput>;

export const ZApprovalListQuery = z.object({
  status: z.enum(['pending', 'decided'], { error: 'status must be pending or decided.' }).default('pending').describe('pending: waiting for a decision; decided: history'),
  q: z.string().trim().max(200, 'Keep the search under 200 characters.').default('').describe('Tool, token or approval id'),
  cursor: z.string().max(100).optional().describe('Opaque cursor from the previous page (nextCursor)'),
  limit: z.coerce.number({ error: 'limit must be a number.' }).int('limit must be a whole number.').min(1, 'limit must be at least 1.').max(100, 'limit must be at most 100.').default(25),
});
export type TApprovalListQuery = z.infer<typeof ZApprovalListQuery>;

export const ZApprovalId = z.string().trim().min(1, 'Give an approval id.').max(64, 'That is not an approval id.').regex(/^[A-Za-z0-9_-]+$/, 'That is not an approval id.');

export const ZToolCallResult = z.object({
  isError: z.boolean(),
  content: z.array(z.object({ type: z.literal('text'), text: z.string() })),
  structuredContent: z.record(z.string(), z.unknown()).optional(),
});
export type TToolCallResult = z.infer<typeof ZToolCallResult>;

export interface ApprovalVote {
  operator: string;
  approve: boolean;
  reason: string;
  at: string;
}

/** One approval as the portal and the REST API show it (arguments PII-redacted per the tenant's policy). */
export interface ApprovalView {
  id: string;
  tenant: { slug: string; name: string };
  tool: { slug: string; title: string; riskLevel: string; critical: boolean };
  toolVersion: number;
  status: TApprovalStatus;
  /** An external effect that started and never reported back (crash): it may or may not have happened. */
  outcomeUnknown: boolean;
  statusReason: string | null;
  /** The rule that held the call. */
  rule: string;
  arguments: unknown;
  approvalsRequired: number;
  approvalsGiven: number;
  votes: ApprovalVote[];
  token: { id: string; name: string } | null;
  actsFor: { user: string | null; team: string | null };
  /** The held call's request id: every audit event of this approval carries it. */
  correlationId: string;
  createdAt: string;
  expiresAt: string;
  decidedAt: string | null;
  executedAt: string | null;
  result: TToolCallResult | null;
  /** Milliseconds from the held call to the final decision. */
  decisionLatencyMs: number | null;
  /** Whether this actor may decide now, and if not, why (shown instead of the buttons). */
  canDecide: boolean;
  cannotDecideReason: string | null;
}

export interface ApprovalPage {
  items: ApprovalView[];
  nextCursor: string | null;
  pendingCount: number;
}

// ─── Agents (approval_status tool) ───

export const ZApprovalStatusToolInput = z.object({
  approvalId: ZApprovalId.describe('The approval id returned (in the text and in _meta.approval.id) when your call was held'),
});

export const ZApprovalStatusToolOutput = z.object({
  approvalId: z.string(),
  tool: z.string(),
  status: ZApprovalStatus,
  message: z.string().describe('What happened, in words'),
  reason: z.string().nullable().describe('The decision reason, or why it expired, was voided or withdrawn'),
  decidedBy: z.array(z.string()).describe('Names of the operators who decided'),
  approvalsRequired: z.number().int(),
  approvalsGiven: z.number().int(),
  expiresAt: z.string(),
  result: ZToolCallResult.nullable().describe("Once executed: the tool's own answer"),
});
export type TApprovalStatusToolOutput = z.infer<typeof ZApprovalStatusToolOutput>;

// ─── Tenant webhook (chat tools) ───

export const ZSetApprovalWebhookInput = z.object({
  tenantId: z.string().min(1),
  url: z
    .string()
    .trim()
    .max(2048, 'Keep the URL under 2,048 characters.')
    .refine((u) => u === '' || /^https:\/\/[^\s/?#]+(\/\S*)?$/i.test(u), 'Enter an https:// URL (or leave it empty to turn the webhook off).')
    .describe('https endpoint told of each held call; empty turns the webhook off'),
  rotateSecret: z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean()).default(false).describe('Generate a new signing secret'),
});
export type TSetApprovalWebhookInput = z.infer<typeof ZSetApprovalWebhookInput>;

export interface ApprovalWebhookView {
  url: string | null;
  hasSecret: boolean;
  /** Only right after it was generated: shown once, never stored in clear. */
  newSecret?: string;
}
