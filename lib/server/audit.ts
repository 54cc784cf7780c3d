import 'server-only';
// Append-only audit. Write it in the same transaction as the change it records; if it cannot be written,
// the change does not happen (fail-closed).
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import type { Actor } from '@/lib/policy';
import { newAuditId } from '@/lib/server/ids';
import { needsCleaning, storable, type AuditColumn } from '@/lib/server/audit-chain/columns';
import { ensureAuditSealer } from '@/lib/server/audit-chain/runner';

type Tx = Pick<PrismaClient, 'auditEvent'> | Prisma.TransactionClient;

export interface AuditInput {
  requestId: string;
  action: string; // resource.past_tense
  resourceType: string;
  resourceId?: string | null;
  tenantId?: string | null;
  outcome?: 'success' | 'denied' | 'error' | 'pending_approval';
  errorCode?: string | null;
  toolSlug?: string | null;
  toolVersion?: number | null;
  latencyMs?: number | null;
  costMicros?: number | null;
  inputBytes?: number | null;
  outputBytes?: number | null;
  details?: Prisma.InputJsonValue;
  resourcesTouched?: string[];
  /** W3C trace id (32 lower-case hex) of the call, when it came with one or was traced (lib/server/telemetry). */
  traceId?: string | null;
}

/**
 * The AuditEvent row of an event: exactly the columns of AUDIT_COLUMNS (shared by writeAudit and the /mcp hot path,
 * which inserts it with plain SQL). Ids are UUIDv7 on both paths (see lib/server/ids.ts).
 */
export function auditRow(actor: Actor, e: AuditInput) {
  return {
    id: newAuditId(),
    requestId: e.requestId,
    tenantId: e.tenantId === undefined ? actor.tenantId : e.tenantId,
    actorKind: actor.kind,
    actorId: actor.id,
    actorLabel: actor.label,
    via: actor.via,
    action: e.action,
    resourceType: e.resourceType,
    resourceId: e.resourceId ?? null,
    toolSlug: e.toolSlug ?? null,
    toolVersion: e.toolVersion ?? null,
    outcome: e.outcome ?? 'success',
    errorCode: e.errorCode ?? null,
    latencyMs: e.latencyMs ?? null,
    costMicros: e.costMicros ?? null,
    inputBytes: e.inputBytes ?? null,
    outputBytes: e.outputBytes ?? null,
    details: e.details,
    resourcesTouched: e.resourcesTouched ?? [],
    ip: actor.ip,
    traceId: e.traceId ?? null,
  } satisfies Record<AuditColumn, unknown>;
}

export type AuditRow = ReturnType<typeof auditRow>;

/** Inserts a row made by auditRow through Prisma, cleaned of what PostgreSQL cannot store as the hot path does. */
export async function writeAuditRow(tx: Tx, row: AuditRow): Promise<void> {
  ensureAuditSealer();
  const data = needsCleaning(JSON.stringify(row)) ? (storable(row) as AuditRow) : row;
  await tx.auditEvent.create({ data });
}

export async function writeAudit(tx: Tx, actor: Actor, e: AuditInput): Promise<void> {
  await writeAuditRow(tx, auditRow(actor, e));
}
