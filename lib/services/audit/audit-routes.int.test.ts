// The audit REST routes (app/api/v1/audit/**) against a real database: the JSON list with its cursor, one event (404 across tenants),
// and the streamed export (CSV header and escaping, JSON Lines, filters and tenant scope applied, itself audited).
import { randomUUID } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AppError } from '@/lib/errors';
import type { AuditPage } from '@/lib/schemas/audit';
import type { PortalActor } from '@/lib/server/auth/actor';
import { getDb } from '@/lib/server/db/client';
import { actorFor } from '@/lib/testing/actors';

let current: PortalActor | null = null;
vi.mock('@/lib/server/auth/actor', () => ({
  requireActor: async () => {
    if (!current) throw new AppError('UNAUTHENTICATED');
    return current;
  },
}));
const list = await import('@/app/api/v1/audit/route');
const one = await import('@/app/api/v1/audit/[id]/route');
const exporter = await import('@/app/api/v1/audit/export/route');

const tag = `it-export-${Date.now().toString(36)}`;
const actors = {} as Record<'auditor' | 'acmeAdmin', PortalActor>;
const BASE = 'http://localhost/api/v1/audit';
const get = (qs: string) => list.GET(new Request(`${BASE}?${qs}`));
const exportAs = (qs: string) => exporter.GET(new Request(`${BASE}/export?${qs}`));

beforeAll(async () => {
  for (const [key, email] of [['auditor', 'auditor@example.com'], ['acmeAdmin', 'tenant-admin@acme.example']] as const) {
    actors[key] = { ...(await actorFor(email)), email, tenantSlug: null, tenantName: null, via: 'api' };
  }
  const db = await getDb();
  const tenants = Object.fromEntries((await db.tenant.findMany({ where: { slug: { in: ['acme', 'globex'] } } })).map((t) => [t.slug, t.id]));
  const row = (tenant: string, i: number, extra: object = {}) => ({
    requestId: randomUUID(), tenantId: tenants[tenant]!, actorKind: 'agent', actorLabel: `token:${tag}`, via: 'mcp', action: 'tool.called',
    resourceType: 'tool', resourceId: `${tag}-${tenant}-${i}`, toolSlug: tag, outcome: 'success' as const, createdAt: new Date(Date.parse('2026-05-01T00:00:00Z') + i * 1000), ...extra,
  });
  await db.auditEvent.createMany({
    data: [
      ...Array.from({ length: 5 }, (_, i) => row('acme', i)),
      ...Array.from({ length: 3 }, (_, i) => row('globex', i)),
      row('acme', 9, { errorCode: '=HYPERLINK("http://evil.example","x")', outcome: 'error', details: { arguments: { note: 'a, "quoted"\nline' } }, resourcesTouched: ['@SUM(A1)', '-2+3'] }),
    ],
  });
});
afterEach(() => {
  current = null;
});

describe('GET /api/v1/audit', () => {
  it('lists events newest first with a cursor, scoped to the caller', async () => {
    current = actors.auditor;
    const first = (await (await get(`tool=${tag}&limit=4`)).json()) as AuditPage;
    expect(first.items).toHaveLength(4);
    expect(first.count).toEqual({ value: 9, atLeast: false });
    const second = (await (await get(`tool=${tag}&limit=10&cursor=${first.nextCursor}`)).json()) as AuditPage;
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.items, ...second.items].map((e) => e.id)).size).toBe(9);
    current = actors.acmeAdmin;
    const own = (await (await get(`tool=${tag}&tenant=globex&limit=50`)).json()) as AuditPage;
    expect(own.items.map((e) => e.tenant)).toEqual(Array(6).fill('acme'));
  });

  it('answers 401 without a session, 400 naming a bad parameter, 422 for a "From" after "To"', async () => {
    expect((await get('')).status).toBe(401);
    current = actors.auditor;
    const bad = await get('outcome=maybe');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/^Invalid query: outcome: /);
    const range = await get('from=2026-05-02&to=2026-05-01');
    expect(range.status).toBe(422);
    expect(await range.json()).toEqual({ error: { code: 'VALIDATION', message: '“From” (2026-05-02 00:00 UTC) is after “To” (2026-05-01 23:59 UTC): choose a “From” before the “To”.', fieldErrors: { from: ['Must be before “To”.'] } } });
  });

  it("GET /api/v1/audit/:id answers another tenant's event with 404", async () => {
    current = actors.auditor;
    const [globex] = ((await (await get(`tool=${tag}&tenant=globex&limit=1`)).json()) as AuditPage).items;
    const params = { params: Promise.resolve({ id: globex!.id }) };
    expect((await one.GET(new Request(`${BASE}/${globex!.id}`), params)).status).toBe(200);
    current = actors.acmeAdmin;
    const res = await one.GET(new Request(`${BASE}/${globex!.id}`), { params: Promise.resolve({ id: globex!.id }) });
    expect(res.status).toBe(404);
  });
});

describe('GET /api/v1/audit/export', () => {
  it('streams CSV with a header, RFC 4180 quoting and the formula guard, and audits the export', async () => {
    current = actors.auditor;
    const res = await exportAs(`format=csv&tool=${tag}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="audit-\d{8}-\d{6}\.csv"$/);
    const text = await res.text();
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('id,createdAt,requestId,tenant,actorKind,actor,actorId,via,action,resourceType,resourceId,toolSlug,toolVersion,outcome,errorCode,latencyMs,costMicros,ip,resourcesTouched,details,traceId,seq,hash');
    expect(text).toContain(`,"'=HYPERLINK(""http://evil.example"",""x"")",`);
    expect(text).toMatch(/,'@SUM\(A1\) -2\+3,"\{""arguments"":\{""note"":""a, \\""quoted\\""\\nline""\}\}",[^,\r\n]*,\d+,[^,\r\n]*\r\n/); // details, traceId, seq, hash
    expect(text.match(new RegExp(`,${tag}-(acme|globex)-\\d,`, 'g'))).toHaveLength(9);
    const db = await getDb();
    const audited = await db.auditEvent.findFirst({ where: { action: 'audit.exported', actorId: actors.auditor.id }, orderBy: { createdAt: 'desc' } });
    expect(audited?.details).toEqual({ format: 'csv', filters: { tool: tag } });
  });

  it("streams JSON Lines that parse, with only the caller's tenant and the filters applied", async () => {
    current = actors.acmeAdmin;
    const res = await exportAs(`format=jsonl&tool=${tag}&outcome=success`);
    expect(res.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    const lines = (await res.text()).trimEnd().split('\n').map((l) => JSON.parse(l) as { tenant: string; outcome: string; resourceId: string });
    expect(lines.map((l) => l.resourceId)).toEqual([4, 3, 2, 1, 0].map((i) => `${tag}-acme-${i}`));
    expect(lines.every((l) => l.tenant === 'acme' && l.outcome === 'success')).toBe(true);
  });

  it('refuses a "From" after "To" before recording anything', async () => {
    current = actors.acmeAdmin;
    const res = await exportAs('format=csv&from=2026-05-02T10:00Z&to=2026-05-02T09:00Z');
    expect(res.status).toBe(422);
    const db = await getDb();
    expect(await db.auditEvent.count({ where: { action: 'audit.exported', actorId: actors.acmeAdmin.id } })).toBe(1);
  });
});
