import 'server-only';
// The audit record of a resources/read or prompts/get (and of its refusal). Same row shape and hot-path writer as
// tools/call (pipeline/audit.ts); fail-closed: when the record cannot be written the content is withheld.
import { ProtocolError, ProtocolErrorCode } from '@modelcontextprotocol/server';
import type { Prisma } from '@/lib/generated/prisma/client';
import { auditRow } from '@/lib/server/audit';
import type { CallContext } from '@/mcp-server/pipeline/call-tool';
import { insertAuditRow } from '@/mcp-server/pipeline/hot-sql';

export interface AccessAudit {
  action: 'resource.read' | 'prompt.retrieved';
  resourceType: string;
  resourceId: string;
  toolSlug?: string | null;
  outcome: 'success' | 'denied' | 'error';
  errorCode?: string | null;
  latencyMs: number;
  details?: Record<string, unknown>;
}

export async function auditAccess(ctx: CallContext, a: AccessAudit): Promise<void> {
  const row = auditRow(ctx.caller.actor, {
    requestId: ctx.requestId, tenantId: ctx.caller.tenant.id, action: a.action, resourceType: a.resourceType, resourceId: a.resourceId.slice(0, 500),
    toolSlug: a.toolSlug ?? null, outcome: a.outcome, errorCode: a.errorCode ?? null, latencyMs: Math.round(a.latencyMs),
    details: (a.details ?? {}) as Prisma.InputJsonValue, resourcesTouched: a.outcome === 'success' ? [`${a.resourceType}:${a.resourceId}`.slice(0, 500)] : [],
  });
  try {
    await insertAuditRow(ctx.pool, row);
  } catch (e) {
    console.error(`[mcp] ${ctx.requestId}: audit unavailable`, e);
    throw new ProtocolError(ProtocolErrorCode.InternalError, 'The audit record of this request could not be written, so nothing was returned.', { requestId: ctx.requestId });
  }
}
