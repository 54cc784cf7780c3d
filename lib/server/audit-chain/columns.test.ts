// The one write path of AuditEvent: the Prisma model, auditRow and the hot path's column list must agree, so a new
// column cannot be forgotten on one path; and both paths clean unstorable text the same way.
import { describe, expect, it } from 'vitest';
import { AuditEventScalarFieldEnum } from '@/lib/generated/prisma/internal/prismaNamespaceBrowser';
import { auditRow } from '@/lib/server/audit';
import { AUDIT_COLUMNS, DATABASE_ASSIGNED_COLUMNS, needsCleaning, storable } from './columns';

const actor = { kind: 'user', id: 'u1', label: 'u', tenantId: 't1', teamIds: [], roles: [], via: 'portal', ip: '127.0.0.1' } as const;

describe('AuditEvent columns', () => {
  it('every column of the Prisma model is written by the hot path or assigned by the database', () => {
    const model = Object.keys(AuditEventScalarFieldEnum).sort();
    const written = AUDIT_COLUMNS.map(([c]) => c as string);
    expect([...written, ...DATABASE_ASSIGNED_COLUMNS].sort()).toEqual(model);
  });

  it('auditRow produces exactly the hot path columns', () => {
    const row = auditRow({ ...actor, teamIds: [], roles: [] }, { requestId: 'r', action: 'x.done', resourceType: 'x' });
    expect(Object.keys(row).sort()).toEqual(AUDIT_COLUMNS.map(([c]) => c as string).sort());
  });

  it('replaces NUL and lone surrogates with U+FFFD, in keys and nested values', () => {
    const dirty = { 'k\0': ['a\0b', { x: 'lone \uD800 high' }], n: 1, ok: 'caf\u00e9 \uD83D\uDE00' };
    expect(needsCleaning(JSON.stringify(dirty))).toBe(true);
    expect(storable(dirty)).toEqual({ 'k\uFFFD': ['a\uFFFDb', { x: 'lone \uFFFD high' }], n: 1, ok: 'caf\u00e9 \uD83D\uDE00' });
    expect(needsCleaning(JSON.stringify({ ok: 'caf\u00e9 \uD83D\uDE00' }))).toBe(false);
  });
});
