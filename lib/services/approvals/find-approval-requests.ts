import 'server-only';
// The approval inbox and its history, for operators (their tenant), tenant admins and auditors (read only) and
// platform admins (every tenant). Pending: soonest expiry first. Decided: latest change first. Keyset pagination.
import type { Prisma } from '@/lib/generated/prisma/client';
import { AppError } from '@/lib/errors';
import { assertCan, tenantScope, type Actor } from '@/lib/policy';
import type { ApprovalPage, TApprovalListQuery } from '@/lib/schemas/approvals';
import { getDb } from '@/lib/server/db/client';
import { approvalSelect, expireDue, principalNames, toApprovalView } from './shared';

const DECIDED = ['approved', 'executing', 'executed', 'denied', 'expired', 'cancelled', 'void'] as const;

function decodeCursor(cursor: string | undefined): { at: Date; id: string } | null {
  if (!cursor) return null;
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const date = new Date(at ?? '');
  if (!id || Number.isNaN(date.getTime())) throw new AppError('VALIDATION', { userMessage: 'That page cursor is not valid: start again from the first page.', fieldErrors: { cursor: ['Invalid cursor.'] } });
  return { at: date, id };
}
const encodeCursor = (at: Date, id: string) => Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');

export async function findApprovalRequests({ actor, query }: { actor: Actor; query: TApprovalListQuery }): Promise<ApprovalPage> {
  assertCan(actor, 'approval.read');
  const db = await getDb();
  const scope = tenantScope(actor);
  await expireDue(db, scope);
  const pending = query.status === 'pending';
  const after = decodeCursor(query.cursor);
  const sortField = pending ? 'expiresAt' : 'updatedAt';
  const q = query.q;
  const search: Prisma.ApprovalRequestWhereInput = q
    ? { OR: [{ id: q }, { requestId: q }, { tool: { slug: { contains: q, mode: 'insensitive' } } }, { token: { name: { contains: q, mode: 'insensitive' } } }] }
    : {};
  const keyset: Prisma.ApprovalRequestWhereInput = !after
    ? {}
    : pending
      ? { OR: [{ expiresAt: { gt: after.at } }, { expiresAt: after.at, id: { gt: after.id } }] }
      : { OR: [{ updatedAt: { lt: after.at } }, { updatedAt: after.at, id: { lt: after.id } }] };
  const where: Prisma.ApprovalRequestWhereInput = { ...scope, status: pending ? 'pending' : { in: [...DECIDED] }, AND: [search, keyset] };
  const order = pending ? 'asc' : 'desc';
  const [rows, pendingCount] = await Promise.all([
    db.approvalRequest.findMany({ where, select: approvalSelect, orderBy: [{ [sortField]: order }, { id: order }], take: query.limit + 1 }),
    db.approvalRequest.count({ where: { ...scope, status: 'pending' } }),
  ]);
  const page = rows.slice(0, query.limit);
  const names = await principalNames(db, page);
  const last = page.at(-1);
  return {
    items: page.map((r) => toApprovalView(actor, r, { actsFor: names(r) })),
    nextCursor: rows.length > query.limit && last ? encodeCursor(pending ? last.expiresAt : last.updatedAt, last.id) : null,
    pendingCount,
  };
}
