import 'server-only';
// Step 8: the audit record of a call (allowed or refused). Fail-closed: callers treat a failed write as "the call
// did not happen" (see call-tool.ts for how each kind of effect is kept consistent with its record).
import type { Prisma } from '@/lib/generated/prisma/client';
import { redactPii } from '@/lib/pii';
import type pg from 'pg';
import { auditRow, writeAuditRow, type AuditInput } from '@/lib/server/audit';
import { countToolCall } from '@/lib/server/metrics';
import type { CallTrace } from '@/lib/server/telemetry';
import { insertAuditRow } from './hot-sql';
import type { McpCaller } from './authenticate';
import type { TenantRuntimePolicy } from './resolve-access';


export interface CallAudit {
  outcome: NonNullable<AuditInput['outcome']>;
  errorCode?: string | null;
  toolSlug: string;
  toolVersion?: number | null;
  latencyMs: number;
  inputBytes?: number;
  outputBytes?: number;
  costMicros?: number;
  details?: Record<string, unknown>;
  resourcesTouched?: string[];
  action?: 'tool.called' | 'tool.dispatched';
  /** The request's trace: its id is recorded, and the outcome is set on its span. */
  trace?: CallTrace;
  /** A trace id to record without a live span (an approved call executed later, in its held call's trace). */
  traceId?: string | null;
}

/** Arguments as the audit may keep them: nothing at "metadata" level, always PII-redacted otherwise. */
export function auditableArguments(args: unknown, auditLevel: string, policy: TenantRuntimePolicy): unknown {
  return auditLevel === 'metadata' ? undefined : redactPii(args, policy.piiRules).value;
}

export class AuditUnavailableError extends Error {
  constructor(cause: unknown) {
    super('The audit record of this call could not be written, so the call was not carried out.', { cause });
    this.name = 'AuditUnavailableError';
  }
}

/** Where a record goes: the caller's transaction (it commits or rolls back with the change), or straight to the pool. */
export type AuditSink = { tx: Prisma.TransactionClient } | { pool: pg.Pool };

export async function auditCall(sink: AuditSink, caller: McpCaller, requestId: string, a: CallAudit): Promise<void> {
  const row = auditRow(caller.actor, {
    requestId, tenantId: caller.tenant.id, action: a.action ?? 'tool.called', resourceType: 'tool', resourceId: a.toolSlug,
    toolSlug: a.toolSlug, toolVersion: a.toolVersion ?? null, outcome: a.outcome, errorCode: a.errorCode ?? null,
    latencyMs: Math.round(a.latencyMs), inputBytes: a.inputBytes ?? null, outputBytes: a.outputBytes ?? null, costMicros: a.costMicros ?? null,
    details: (caller.sandbox ? { ...a.details, sandbox: true } : (a.details ?? {})) as Prisma.InputJsonValue, resourcesTouched: a.resourcesTouched ?? [], traceId: a.trace?.traceId || a.traceId || null,
  });
  try {
    if ('tx' in sink) await writeAuditRow(sink.tx, row);
    else await insertAuditRow(sink.pool, row);
  } catch (e) {
    throw new AuditUnavailableError(e);
  }
  a.trace?.outcome(a.outcome, a.errorCode);
  if (row.action === 'tool.called') {
    // A name the caller made up (unknown tool, refused arguments) is not a label: it would grow the series without bound.
    const tool = a.errorCode === 'UNKNOWN_TOOL' || a.errorCode === 'INVALID_PARAMS' ? '(not resolved)' : a.toolSlug;
    countToolCall({ tenant: caller.tenant.slug, tool, outcome: a.outcome, errorCode: a.errorCode, latencyMs: a.latencyMs });
  }
}
