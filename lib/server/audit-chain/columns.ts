import 'server-only';
// The one definition of what an AuditEvent row holds when written: the Prisma path (auditRow) produces exactly these
// fields and the /mcp hot path inserts exactly these columns (columns.test.ts compares both with the Prisma model).
// The database fills the rest: createdAt and seq (a sequence). The seal is a row of AuditSeal.

export const AUDIT_COLUMNS = [
  ['id', 'text'], ['requestId', 'text'], ['tenantId', 'text'], ['actorKind', 'text'], ['actorId', 'text'], ['actorLabel', 'text'], ['via', 'text'],
  ['action', 'text'], ['resourceType', 'text'], ['resourceId', 'text'], ['toolSlug', 'text'], ['toolVersion', 'int4'], ['outcome', '"AuditOutcome"'],
  ['errorCode', 'text'], ['latencyMs', 'int4'], ['costMicros', 'int4'], ['inputBytes', 'int4'], ['outputBytes', 'int4'], ['details', 'jsonb'],
  ['resourcesTouched', 'text[]'], ['ip', 'text'], ['traceId', 'text'],
] as const;

export type AuditColumn = (typeof AUDIT_COLUMNS)[number][0];

/** Columns the database assigns at insert. */
export const DATABASE_ASSIGNED_COLUMNS = ['createdAt', 'seq'] as const;

/** What the chain hash covers: every written column plus the insert time. */
export const HASHED_COLUMNS: readonly string[] = [...AUDIT_COLUMNS.map(([c]) => c), 'createdAt'];

/**
 * What PostgreSQL can store of a string: no NUL character (text refuses it) and no lone surrogate (jsonb refuses its
 * escape), each replaced by U+FFFD. A record must never fail because of what a caller sent (a tool name, arguments).
 */
export function storable(value: unknown): unknown {
  if (typeof value === 'string') return value.toWellFormed().replaceAll('\0', '\uFFFD');
  if (Array.isArray(value)) return value.map(storable);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [storable(k) as string, storable(v)]));
  }
  return value;
}

/**
 * Whether a value's JSON needs storable(): JSON.stringify writes \u escapes only for control characters and lone
 * surrogates, so the rare value that has one is cleaned and the others are written as they are.
 */
export const needsCleaning = (json: string): boolean => json.includes('\\u');
