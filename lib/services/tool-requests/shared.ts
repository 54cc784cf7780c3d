import 'server-only';
// Shared steps of the tool-request use cases: load with tenant isolation, guarded transition (state change,
// timeline event, notifications and audit in the caller's transaction).
import { AppError } from '@/lib/errors';
import type { Prisma, ToolRequest } from '@/lib/generated/prisma/client';
import { canCrossTenants, type Actor } from '@/lib/policy';
import { writeAudit } from '@/lib/server/audit';
import { createNotifications, reviewerIds } from '@/lib/services/notifications/create-notifications';
import { invalidStateMessage, TRANSITIONS, type TRequestAction } from '@/lib/request-state';
import type { TToolRequestStatus } from '@/lib/schemas/tool-request';
import { newRequestId } from '@/lib/server/ids';

export type Tx = Prisma.TransactionClient;

/** Another tenant's request is reported as not found (its existence is not disclosed). */
export async function loadRequestOrThrow(tx: Tx, actor: Actor, id: string): Promise<ToolRequest> {
  const req = await tx.toolRequest.findUnique({ where: { id } });
  if (!req || (!canCrossTenants(actor) && req.tenantId !== actor.tenantId)) {
    throw new AppError('NOT_FOUND', { userMessage: 'This tool request does not exist or you cannot see it.' });
  }
  return req;
}

/**
 * Moves the request from one of the action's `from` states to its `to` state, guarded in the WHERE clause:
 * whoever acts second gets INVALID_STATE ("This request is no longer in review.") and their transaction rolls back.
 */
export async function guardedTransition(tx: Tx, req: ToolRequest, action: TRequestAction, data: Prisma.ToolRequestUncheckedUpdateManyInput = {}): Promise<TToolRequestStatus> {
  const t = TRANSITIONS[action];
  const res = await tx.toolRequest.updateMany({ where: { id: req.id, status: { in: [...t.from] } }, data: { ...data, status: t.to } });
  if (res.count !== 1) {
    const now = await tx.toolRequest.findUnique({ where: { id: req.id }, select: { status: true } });
    throw new AppError('INVALID_STATE', { userMessage: invalidStateMessage(action, now?.status ?? null) });
  }
  return t.to;
}

/** Takes the row lock while checking the state, so concurrent reviewers of one request run one after the other. */
export async function lockInState(tx: Tx, req: ToolRequest, action: TRequestAction): Promise<void> {
  const t = TRANSITIONS[action];
  const res = await tx.toolRequest.updateMany({ where: { id: req.id, status: { in: [...t.from] } }, data: { updatedAt: new Date() } });
  if (res.count !== 1) {
    const now = await tx.toolRequest.findUnique({ where: { id: req.id }, select: { status: true } });
    throw new AppError('INVALID_STATE', { userMessage: invalidStateMessage(action, now?.status ?? null) });
  }
}

export interface RecordInput {
  type: string;
  from?: TToolRequestStatus | null;
  to?: TToolRequestStatus | null;
  comment?: string | null;
  data?: Prisma.InputJsonValue;
  notify: { title: string; body?: string };
  /** Who is told: the requester and/or every security reviewer (never the actor). */
  audience?: 'all' | 'requester' | 'reviewers';
}

/** Timeline event + notifications + audit event for one change, in the caller's transaction. */
export async function recordChange(tx: Tx, actor: Actor, req: ToolRequest, e: RecordInput): Promise<void> {
  await tx.toolRequestEvent.create({
    data: { requestId: req.id, actorId: actor.kind === 'user' ? actor.id : null, type: e.type, fromStatus: e.from ?? null, toStatus: e.to ?? null, comment: e.comment ?? null, data: e.data },
  });
  const audience = e.audience ?? 'all';
  const ids: string[] = [];
  if (audience !== 'reviewers') ids.push(req.requesterId);
  if (audience !== 'requester') ids.push(...(await reviewerIds(tx)));
  await createNotifications(tx, ids, {
    kind: `tool_request.${e.type}`, title: e.notify.title, body: e.notify.body,
    href: (userId) => (userId === req.requesterId ? `/requests/${req.id}` : `/reviews/${req.id}`),
  }, actor.id);
  await writeAudit(tx, actor, {
    requestId: newRequestId(), action: `tool_request.${e.type}`, resourceType: 'tool_request', resourceId: req.id, tenantId: req.tenantId,
    details: { title: req.title, from: e.from ?? null, to: e.to ?? null, ...(e.comment ? { comment: e.comment } : {}) },
  });
}

export function assertRequester(actor: Actor, req: ToolRequest): void {
  if (req.requesterId !== actor.id) throw new AppError('FORBIDDEN', { userMessage: 'Only the requester can change this request.' });
}
