import 'server-only';
// The one WHERE clause of an audit search, shared by the page, the REST list and the export, so they can never
// disagree on what a filter means or on tenant scope. Plain SQL (through Prisma's tagged template): keyset
// pagination needs the row comparison ("createdAt", "id") < (…), which Prisma's query builder cannot express.
// Every branch is answerable from an index (AuditEvent's @@index lines in prisma/schema.prisma): equality, or an id/label prefix written as a
// range on the column's btree (the LIKE keeps it exact under any collation).
import { AppError } from '@/lib/errors';
import { canCrossTenants, type Actor } from '@/lib/policy';
import type { TAuditEventDto, TAuditSearch } from '@/lib/schemas/audit';
import { Prisma, type PrismaClient } from '@/lib/server/db/client';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PREFIX_COLUMNS = ['requestId', 'resourceId', 'action', 'toolSlug', 'actorLabel'] as const;

/** `2026-11-30T09:15:00.000Z` → `2026-11-30 09:15:00.000`: createdAt is a timestamp without zone, holding UTC. */
const sqlTimestamp = (d: Date) => d.toISOString().replace('T', ' ').replace('Z', '');

function parseInstant(value: string, endOfDay: boolean): Date {
  const dateOnly = value.length === 10;
  const hasZone = /(Z|[+-]\d{2}:\d{2})$/.test(value);
  const d = new Date(dateOnly || hasZone ? value : `${value}Z`);
  if (Number.isNaN(d.getTime())) throw new AppError('VALIDATION', { userMessage: `“${value}” is not a valid date.` });
  return dateOnly && endOfDay ? new Date(d.getTime() + 86_400_000 - 1) : d;
}

/** The time range of a search; a "From" after "To" is a VALIDATION error saying so (not an empty result). */
export function timeRange(search: Pick<TAuditSearch, 'from' | 'to'>): { from: Date | null; to: Date | null } {
  const from = search.from ? parseInstant(search.from, false) : null;
  const to = search.to ? parseInstant(search.to, true) : null;
  if (from && to && from > to) {
    throw new AppError('VALIDATION', {
      userMessage: `“From” (${from.toISOString().slice(0, 16).replace('T', ' ')} UTC) is after “To” (${to.toISOString().slice(0, 16).replace('T', ' ')} UTC): choose a “From” before the “To”.`,
      fieldErrors: { from: ['Must be before “To”.'] },
    });
  }
  return { from, to };
}

function prefix(column: (typeof PREFIX_COLUMNS)[number], q: string): Prisma.Sql {
  const col = Prisma.raw(`"${column}"`);
  const upper = q.slice(0, -1) + String.fromCodePoint(q.codePointAt(q.length - 1)! + 1);
  const like = `${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return Prisma.sql`(${col} >= ${q} AND ${col} < ${upper} AND ${col} LIKE ${like})`;
}

const TRACE_ID = /^[0-9a-f]{32}$/i;

function freeText(q: string): Prisma.Sql {
  const exact = [
    Prisma.sql`"requestId" = ${q}`,
    Prisma.sql`"id" = ${q}`,
    Prisma.sql`"resourceId" = ${q}`,
    Prisma.sql`"resourcesTouched" @> ARRAY[${q}]::text[]`,
  ];
  // A W3C trace id (32 hex digits) finds the calls of that trace: one automated task (index on traceId, createdAt).
  if (TRACE_ID.test(q)) exact.push(Prisma.sql`"traceId" = ${q.toLowerCase()}`);
  // A full request id (UUID) means exactly that request: the approvals history links here with one.
  const branches = UUID.test(q) || q.length < 2 ? exact : [...exact, ...PREFIX_COLUMNS.map((c) => prefix(c, q))];
  return Prisma.sql`(${Prisma.join(branches, ' OR ')})`;
}

/** Tenant slug ↔ id of every tenant (a small table), for filters and for the DTO's `tenant`. */
export async function tenantSlugs(db: PrismaClient): Promise<Map<string, string>> {
  return new Map((await db.tenant.findMany({ select: { id: true, slug: true } })).map((t) => [t.id, t.slug]));
}

/**
 * The actor facet names a label (`token:finance-bot`, an email) or an id. A probe picks the one column it is, so the
 * page query is a single equality that its (column, createdAt) index answers in order: with "label OR id" the
 * planner may instead walk every event newest first looking for the 50 matches, slow when there are few or none.
 */
async function actorCondition(db: PrismaClient, value: string): Promise<Prisma.Sql> {
  const label = await db.$queryRaw<unknown[]>`SELECT 1 FROM "AuditEvent" WHERE "actorLabel" = ${value} LIMIT 1`;
  return label.length ? Prisma.sql`"actorLabel" = ${value}` : Prisma.sql`"actorId" = ${value}`;
}

/** The scoped WHERE of a search. A tenant admin's `tenant` filter is ignored: their own tenant is always applied. */
export async function searchWhere(db: PrismaClient, actor: Actor, search: TAuditSearch, slugs: Map<string, string>): Promise<Prisma.Sql> {
  const c: Prisma.Sql[] = [];
  if (!canCrossTenants(actor)) c.push(Prisma.sql`"tenantId" = ${actor.tenantId ?? '__none__'}`);
  else if (search.tenant) {
    const id = [...slugs].find(([, slug]) => slug === search.tenant)?.[0];
    c.push(Prisma.sql`"tenantId" = ${id ?? '__none__'}`);
  }
  if (search.actor) c.push(await actorCondition(db, search.actor));
  if (search.via) c.push(Prisma.sql`"via" = ${search.via}`);
  if (search.action) c.push(Prisma.sql`"action" = ${search.action}`);
  if (search.tool) c.push(Prisma.sql`"toolSlug" = ${search.tool}`);
  if (search.outcome) c.push(Prisma.sql`"outcome" = ${search.outcome}::"AuditOutcome"`);
  if (search.errorCode) c.push(Prisma.sql`"errorCode" = ${search.errorCode}`);
  if (search.resource) c.push(Prisma.sql`("resourceId" = ${search.resource} OR "resourcesTouched" @> ARRAY[${search.resource}]::text[])`);
  const { from, to } = timeRange(search);
  if (from) c.push(Prisma.sql`"createdAt" >= ${sqlTimestamp(from)}::timestamp`);
  if (to) c.push(Prisma.sql`"createdAt" <= ${sqlTimestamp(to)}::timestamp`);
  if (search.q) c.push(freeText(search.q));
  return c.length ? Prisma.sql`WHERE ${Prisma.join(c, ' AND ')}` : Prisma.sql`WHERE TRUE`;
}

export interface Keyset {
  at: Date;
  id: string;
}

export function keysetCondition(after: Keyset | null): Prisma.Sql {
  return after ? Prisma.sql`AND ("createdAt", "id") < (${sqlTimestamp(after.at)}::timestamp, ${after.id})` : Prisma.empty;
}

export function decodeCursor(cursor: string | undefined): Keyset | null {
  if (!cursor) return null;
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const date = new Date(at ?? '');
  if (!id || Number.isNaN(date.getTime())) throw new AppError('VALIDATION', { userMessage: 'That page cursor is not valid: start again from the first page.', fieldErrors: { cursor: ['Invalid cursor.'] } });
  return { at: date, id };
}
export const encodeCursor = (k: Keyset) => Buffer.from(`${k.at.toISOString()}|${k.id}`).toString('base64url');

export const ROW_COLUMNS = Prisma.raw(
  '"id", "requestId", "createdAt", "tenantId", "actorLabel", "actorId", "actorKind", "via", "action", "resourceType", "resourceId", "toolSlug", "toolVersion", "outcome"::text AS "outcome", "errorCode", "latencyMs", "costMicros", "resourcesTouched", "ip"',
);

export interface AuditRow {
  id: string;
  requestId: string;
  createdAt: Date;
  tenantId: string | null;
  actorLabel: string;
  actorId: string | null;
  actorKind: string;
  via: string;
  action: string;
  resourceType: string;
  resourceId: string | null;
  toolSlug: string | null;
  toolVersion: number | null;
  outcome: string;
  errorCode: string | null;
  latencyMs: number | null;
  costMicros: number | null;
  resourcesTouched: string[] | null;
  ip: string | null;
}

export function toAuditDto(r: AuditRow, slugs: Map<string, string>): TAuditEventDto {
  return {
    id: r.id,
    requestId: r.requestId,
    createdAt: new Date(r.createdAt).toISOString(),
    tenant: r.tenantId ? (slugs.get(r.tenantId) ?? null) : null,
    actor: r.actorLabel,
    actorId: r.actorId,
    actorKind: r.actorKind,
    via: r.via,
    action: r.action,
    resourceType: r.resourceType,
    resourceId: r.resourceId,
    toolSlug: r.toolSlug,
    toolVersion: r.toolVersion,
    outcome: r.outcome as TAuditEventDto['outcome'],
    errorCode: r.errorCode,
    latencyMs: r.latencyMs,
    costMicros: r.costMicros,
    resourcesTouched: r.resourcesTouched ?? [],
    ip: r.ip,
  };
}
