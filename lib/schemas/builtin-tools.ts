// The built-in tools' contracts: zod input/output schemas (what agents see, via MCP inputSchema/outputSchema)
// and their catalogue registration records (the plan's template). The executors live in mcp-server/tools/.
import { z } from 'zod';

const ZTenantTable = z.enum(['customers', 'orders', 'invoices']);

export const ZKbSearchInput = z.object({
  query: z.string().trim().min(2).max(200).describe('Words to search for in the knowledge base'),
  limit: z.number().int().min(1).max(20).default(5).describe('Maximum number of articles to return'),
});
export const ZKbSearchOutput = z.object({
  articles: z.array(z.object({ id: z.string(), title: z.string(), snippet: z.string(), tags: z.array(z.string()), rank: z.number() })),
});

export const ZSqlQueryInput = z.object({
  sql: z.string().trim().min(1).max(4000).describe('One read-only SELECT statement over the tables customers, orders and invoices'),
  maxRows: z.number().int().min(1).max(500).default(100).describe('Row cap (at most 500)'),
});
export const ZSqlQueryOutput = z.object({
  columns: z.array(z.string()),
  rows: z.array(z.record(z.string(), z.unknown())),
  rowCount: z.number().int(),
  truncated: z.boolean(),
});

export const ZHttpFetchInput = z.object({
  url: z.url({ protocol: /^https?$/ }).max(2048).describe('An http(s) URL whose host is on the tenant egress allowlist'),
  headers: z.record(z.string().max(100), z.string().max(1000)).optional().describe('Extra request headers (no Authorization/Cookie)'),
});
export const ZHttpFetchOutput = z.object({
  status: z.number().int(),
  contentType: z.string(),
  body: z.string(),
  truncated: z.boolean(),
  finalUrl: z.string(),
});

const ZTicket = z.object({
  number: z.number().int(),
  title: z.string(),
  status: z.enum(['open', 'pending', 'resolved', 'closed']),
  priority: z.enum(['low', 'normal', 'high', 'urgent']),
  requester: z.string(),
  createdAt: z.string(),
});
export const ZTicketSearchInput = z.object({
  query: z.string().trim().max(200).default('').describe('Words in the title or body (empty: latest tickets)'),
  status: z.enum(['open', 'pending', 'resolved', 'closed']).optional().describe('Only tickets in this status'),
  limit: z.number().int().min(1).max(50).default(10),
});
export const ZTicketSearchOutput = z.object({ tickets: z.array(ZTicket) });
export const ZTicketCreateInput = z.object({
  title: z.string().trim().min(3).max(200).describe('Short summary of the problem'),
  body: z.string().trim().min(1).max(10_000).describe('Full description'),
  priority: z.enum(['low', 'normal', 'high', 'urgent']).default('normal'),
  requester: z.email().describe('Email of the person the ticket is for'),
});
export const ZTicketCreateOutput = z.object({ ticket: ZTicket });

export const ZGithubSearchIssuesInput = z.object({
  query: z.string().trim().min(1).max(256).describe('GitHub issue search query, e.g. "repo:org/app is:open label:bug"'),
  limit: z.number().int().min(1).max(50).default(10),
});
export const ZGithubSearchIssuesOutput = z.object({
  totalCount: z.number().int(),
  issues: z.array(z.object({ number: z.number().int(), title: z.string(), state: z.string(), url: z.string(), repository: z.string() })),
});

export const ZEmailSendInput = z.object({
  to: z.array(z.email()).min(1).max(20).describe('Recipients'),
  subject: z.string().trim().min(1).max(200),
  text: z.string().min(1).max(50_000).describe('Plain-text body'),
});
export const ZEmailSendOutput = z.object({ messageId: z.string(), accepted: z.array(z.string()), rejected: z.array(z.string()) });

export const ZPaymentRefundInput = z.object({
  invoiceId: z.number().int().positive().describe('Invoice to refund'),
  amount: z.number().positive().max(1_000_000).describe('Amount to refund, in the invoice currency'),
  reason: z.string().trim().min(3).max(500),
});
export const ZPaymentRefundOutput = z.object({ invoiceId: z.number().int(), refunded: z.number(), totalRefunded: z.number(), status: z.string() });

export const ZRecordDeleteInput = z.object({
  table: ZTenantTable.describe('Table of the tenant dataset'),
  id: z.number().int().positive().describe('Primary key of the row to delete'),
  reason: z.string().trim().min(3).max(500),
});
export const ZRecordDeleteOutput = z.object({ table: z.string(), id: z.number().int(), deleted: z.boolean() });

export interface BuiltinToolDefinition {
  slug: string;
  title: string;
  description: string;
  category: string;
  ownerTeam: string;
  riskLevel: 'low' | 'medium' | 'high' | 'critical';
  dataClassification: 'public' | 'internal' | 'confidential' | 'pii';
  dataRead: string[];
  dataWritten: string[];
  requiredScopes: string[];
  timeoutMs: number;
  maxInputBytes: number;
  maxOutputBytes: number;
  auditLevel: 'metadata' | 'full_redacted' | 'full';
  critical: boolean;
  readOnly: boolean;
  destructive: boolean;
  idempotent: boolean;
  openWorld: boolean;
  tags: string[];
  input: z.ZodObject;
  output: z.ZodObject;
}

const base = { timeoutMs: 10_000, maxInputBytes: 64 * 1024, maxOutputBytes: 256 * 1024, auditLevel: 'full_redacted' as const };

export const BUILTIN_TOOLS: BuiltinToolDefinition[] = [
  { ...base, slug: 'kb_search', title: 'Knowledge-base search', category: 'knowledge', ownerTeam: 'Platform',
    description: "Full-text search of the tenant's knowledge-base articles. Returns titles, snippets and tags.",
    riskLevel: 'low', dataClassification: 'internal', dataRead: ['kb_articles'], dataWritten: [], requiredScopes: ['kb:read'],
    critical: false, readOnly: true, destructive: false, idempotent: true, openWorld: false, tags: ['support', 'read-only'],
    input: ZKbSearchInput, output: ZKbSearchOutput },
  { ...base, slug: 'sql_query', title: 'SQL query (read-only)', category: 'data', ownerTeam: 'Platform', timeoutMs: 5_000,
    description: "Runs one read-only SELECT on the tenant's business dataset (customers, orders, invoices) within its data scopes. Row cap 500.",
    riskLevel: 'medium', dataClassification: 'confidential', dataRead: ['customers', 'orders', 'invoices'], dataWritten: [], requiredScopes: ['sql:read'],
    critical: false, readOnly: true, destructive: false, idempotent: true, openWorld: false, tags: ['finance', 'read-only', 'database'],
    input: ZSqlQueryInput, output: ZSqlQueryOutput },
  { ...base, slug: 'http_fetch', title: 'HTTP fetch (allowlisted)', category: 'network', ownerTeam: 'Platform', timeoutMs: 8_000,
    description: "HTTP GET of a URL on the tenant's egress allowlist, with SSRF protection, size and time limits.",
    riskLevel: 'medium', dataClassification: 'public', dataRead: ['external web'], dataWritten: [], requiredScopes: ['http:fetch'],
    critical: false, readOnly: true, destructive: false, idempotent: true, openWorld: true, tags: ['network', 'read-only'],
    input: ZHttpFetchInput, output: ZHttpFetchOutput },
  { ...base, slug: 'ticket_search', title: 'Ticket search', category: 'ticketing', ownerTeam: 'Support',
    description: "Searches the tenant's internal support tickets by words and status.",
    riskLevel: 'low', dataClassification: 'internal', dataRead: ['tickets'], dataWritten: [], requiredScopes: ['tickets:read'],
    critical: false, readOnly: true, destructive: false, idempotent: true, openWorld: false, tags: ['support', 'read-only'],
    input: ZTicketSearchInput, output: ZTicketSearchOutput },
  { ...base, slug: 'ticket_create', title: 'Ticket create', category: 'ticketing', ownerTeam: 'Support',
    description: "Creates a ticket in the tenant's internal ticketing system.",
    riskLevel: 'medium', dataClassification: 'internal', dataRead: [], dataWritten: ['tickets'], requiredScopes: ['tickets:write'],
    critical: false, readOnly: false, destructive: false, idempotent: false, openWorld: false, tags: ['support', 'write'],
    input: ZTicketCreateInput, output: ZTicketCreateOutput },
  { ...base, slug: 'github_search_issues', title: 'GitHub issue search', category: 'engineering', ownerTeam: 'Platform',
    description: "Searches GitHub issues with the tenant's GitHub token (GitHub.com or GitHub Enterprise).",
    riskLevel: 'low', dataClassification: 'internal', dataRead: ['github issues'], dataWritten: [], requiredScopes: ['github:read'],
    critical: false, readOnly: true, destructive: false, idempotent: true, openWorld: true, tags: ['engineering', 'read-only'],
    input: ZGithubSearchIssuesInput, output: ZGithubSearchIssuesOutput },
  { ...base, slug: 'email_send', title: 'Send email', category: 'communication', ownerTeam: 'Support', auditLevel: 'full',
    description: 'Sends a plain-text email through the configured SMTP server. External send: needs a human approval.',
    riskLevel: 'critical', dataClassification: 'pii', dataRead: [], dataWritten: ['external mailboxes'], requiredScopes: ['email:send'],
    critical: true, readOnly: false, destructive: false, idempotent: false, openWorld: true, tags: ['communication', 'external-send', 'write'],
    input: ZEmailSendInput, output: ZEmailSendOutput },
  { ...base, slug: 'payment_refund', title: 'Payment refund', category: 'finance', ownerTeam: 'Finance', auditLevel: 'full',
    description: "Refunds (part of) an invoice in the tenant's dataset. Payment: needs a human approval.",
    riskLevel: 'critical', dataClassification: 'confidential', dataRead: ['invoices'], dataWritten: ['invoices'], requiredScopes: ['payments:refund'],
    critical: true, readOnly: false, destructive: false, idempotent: false, openWorld: false, tags: ['finance', 'payment', 'write'],
    input: ZPaymentRefundInput, output: ZPaymentRefundOutput },
  { ...base, slug: 'record_delete', title: 'Record delete', category: 'data', ownerTeam: 'Platform', auditLevel: 'full',
    description: "Deletes one row of the tenant's dataset. Deletion: needs a human approval.",
    riskLevel: 'critical', dataClassification: 'confidential', dataRead: [], dataWritten: ['customers', 'orders', 'invoices'], requiredScopes: ['records:delete'],
    critical: true, readOnly: false, destructive: true, idempotent: true, openWorld: false, tags: ['data', 'deletion', 'write'],
    input: ZRecordDeleteInput, output: ZRecordDeleteOutput },
];

export function builtinTool(slug: string): BuiltinToolDefinition | undefined {
  return BUILTIN_TOOLS.find((t) => t.slug === slug);
}

export function mcpAnnotations(t: Pick<BuiltinToolDefinition, 'readOnly' | 'destructive' | 'idempotent' | 'openWorld' | 'title'>) {
  return { title: t.title, readOnlyHint: t.readOnly, destructiveHint: t.destructive, idempotentHint: t.idempotent, openWorldHint: t.openWorld };
}
