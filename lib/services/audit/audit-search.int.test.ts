// Audit search and detail against a real database: tenant scope (a tenant admin never sees another tenant's rows,
// and their ids are NOT_FOUND like unknown ones), keyset pagination while rows are inserted, free text, time range.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/policy';
import { ZFindAuditEventsInput, type TFindAuditEventsInput } from '@/lib/schemas/audit';
import { getDb } from '@/lib/server/db/client';
import { actorFor } from '@/lib/testing/actors';
import { findAuditEvents } from './find-audit-events';
import { getAuditEventOrThrow } from './get-audit-event';

const tag = `it-search-${Date.now().toString(36)}`;
let auditor: Actor;
let acmeAdmin: Actor;
const tenantIds: Record<'acme' | 'globex', string> = { acme: '', globex: '' };
const base = Date.parse('2026-06-01T12:00:00.000Z');
const heldRequest = randomUUID();

const query = (q: Partial<TFindAuditEventsInput>) => ZFindAuditEventsInput.parse(q);

async function insert(tenant: 'acme' | 'globex', n: number, at: (i: number) => Date, extra: (i: number) => Record<string, unknown> = () => ({})) {
  const db = await getDb();
  await db.auditEvent.createMany({
    data: Array.from({ length: n }, (_, i) => ({
      requestId: randomUUID(), tenantId: tenantIds[tenant], actorKind: 'agent', actorLabel: `token:${tag}-${tenant}`, via: 'mcp',
      action: 'tool.called', resourceType: 'tool', resourceId: `${tag}-${tenant}-${i}`, toolSlug: `${tag}-tool`, outcome: 'success' as const,
      createdAt: at(i), resourcesTouched: [`${tag}.invoices:${tenant}-${i}`], ...extra(i),
    })),
  });
}

beforeAll(async () => {
  auditor = await actorFor('auditor@example.com');
  acmeAdmin = await actorFor('tenant-admin@acme.example');
  const db = await getDb();
  for (const t of await db.tenant.findMany({ where: { slug: { in: ['acme', 'globex'] } } })) tenantIds[t.slug as 'acme' | 'globex'] = t.id;
  // Ten rows share each timestamp, so the id tie-break of the keyset is exercised.
  await insert('acme', 40, (i) => new Date(base + Math.floor(i / 10) * 1000));
  await insert('globex', 12, (i) => new Date(base + i * 1000));
  // A held call: its approval decision and its execution share the request id.
  await insert('acme', 2, (i) => new Date(base + 60_000 + i), (i) => ({ requestId: heldRequest, action: i ? 'tool.called' : 'approval.decided', resourceId: `${tag}-held-${i}`, actorId: `${tag}-token-id` }));
});

describe('findAuditEvents', () => {
  it("shows a tenant admin only their tenant's events, even when asking for another tenant", async () => {
    const own = await findAuditEvents({ actor: acmeAdmin, query: query({ tool: `${tag}-tool`, limit: 200 }) });
    expect(own.items).toHaveLength(42);
    expect(own.items.every((e) => e.tenant === 'acme')).toBe(true);
    const other = await findAuditEvents({ actor: acmeAdmin, query: query({ tenant: 'globex', actor: `token:${tag}-globex` }) });
    expect(other.items).toEqual([]);
    expect(other.count).toEqual({ value: 0, atLeast: false });
    const all = await findAuditEvents({ actor: auditor, query: query({ tool: `${tag}-tool`, limit: 200 }) });
    expect(all.count).toEqual({ value: 54, atLeast: false });
    const globex = await findAuditEvents({ actor: auditor, query: query({ tool: `${tag}-tool`, tenant: 'globex' }) });
    expect(globex.items.map((e) => e.tenant)).toEqual(Array(12).fill('globex'));
  });

  it('pages with a keyset: no duplicate and no skip while newer rows are inserted', async () => {
    const before = await findAuditEvents({ actor: auditor, query: query({ tool: `${tag}-tool`, tenant: 'acme', limit: 200 }) });
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await findAuditEvents({ actor: auditor, query: query({ tool: `${tag}-tool`, tenant: 'acme', limit: 7, cursor }) });
      seen.push(...page.items.map((e) => e.id));
      for (let i = 1; i < page.items.length; i++) expect(page.items[i - 1]!.createdAt >= page.items[i]!.createdAt).toBe(true);
      cursor = page.nextCursor ?? undefined;
      pages++;
      // Newer events of the same search arrive between page loads (with OFFSET they would shift every later page).
      await insert('acme', 3, (i) => new Date(Date.now() + i));
    } while (cursor);
    expect(pages).toBe(6);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(before.items.map((e) => e.id));
  });

  it('matches a full request id exactly, and prefixes of ids', async () => {
    const byRequest = await findAuditEvents({ actor: auditor, query: query({ q: heldRequest }) });
    expect(byRequest.items.map((e) => e.action).sort()).toEqual(['approval.decided', 'tool.called']);
    const prefix = await findAuditEvents({ actor: auditor, query: query({ q: `${tag}-globex-1`, limit: 200 }) });
    expect(prefix.items.map((e) => e.resourceId).sort()).toEqual([`${tag}-globex-1`, `${tag}-globex-10`, `${tag}-globex-11`]);
    const touched = await findAuditEvents({ actor: auditor, query: query({ resource: `${tag}.invoices:globex-3` }) });
    expect(touched.items.map((e) => e.resourceId)).toEqual([`${tag}-globex-3`]);
    const literal = await findAuditEvents({ actor: auditor, query: query({ q: `${tag}%` }) });
    expect(literal.items).toEqual([]);
  });

  it('filters by actor, outcome and an inclusive datetime range', async () => {
    const r = await findAuditEvents({ actor: auditor, query: query({ actor: `token:${tag}-globex`, from: '2026-06-01T12:00:03Z', to: '2026-06-01T12:00:05Z' }) });
    expect(r.items.map((e) => e.resourceId)).toEqual([`${tag}-globex-5`, `${tag}-globex-4`, `${tag}-globex-3`]);
    const byId = await findAuditEvents({ actor: auditor, query: query({ actor: `${tag}-token-id` }) });
    expect(byId.items.map((e) => e.requestId)).toEqual([heldRequest, heldRequest]);
    const none = await findAuditEvents({ actor: auditor, query: query({ actor: `token:${tag}-globex`, outcome: 'denied' }) });
    expect(none.items).toEqual([]);
    const day = await findAuditEvents({ actor: auditor, query: query({ actor: `token:${tag}-globex`, from: '2026-06-01', to: '2026-06-01' }) });
    expect(day.count.value).toBe(12);
  });

  it('refuses a "From" after "To" with a VALIDATION error a person can act on', async () => {
    const err = await findAuditEvents({ actor: auditor, query: query({ from: '2026-06-02T10:00', to: '2026-06-01T10:00' }) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'VALIDATION', userMessage: '“From” (2026-06-02 10:00 UTC) is after “To” (2026-06-01 10:00 UTC): choose a “From” before the “To”.' });
  });

  it('refuses a malformed cursor and a role without audit.read', async () => {
    await expect(findAuditEvents({ actor: auditor, query: query({ cursor: 'nonsense' }) })).rejects.toMatchObject({ code: 'VALIDATION' });
    const requester = await actorFor('requester@acme.example');
    await expect(findAuditEvents({ actor: requester, query: query({}) })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('getAuditEventOrThrow', () => {
  it('gives everything an event holds, with the events of the same request', async () => {
    const [decided] = (await findAuditEvents({ actor: auditor, query: query({ q: heldRequest, action: 'approval.decided' }) })).items;
    const detail = await getAuditEventOrThrow({ actor: acmeAdmin, id: decided!.id });
    expect(detail).toMatchObject({ requestId: heldRequest, tenant: 'acme', actor: `token:${tag}-acme`, action: 'approval.decided' });
    expect(detail.related.map((e) => e.action)).toEqual(['tool.called']);
    expect(detail.chain.seq).toMatch(/^\d+$/);
  });

  it("answers another tenant's event exactly like an unknown one", async () => {
    const [globex] = (await findAuditEvents({ actor: auditor, query: query({ actor: `token:${tag}-globex`, limit: 1 }) })).items;
    await expect(getAuditEventOrThrow({ actor: auditor, id: globex!.id })).resolves.toMatchObject({ tenant: 'globex' });
    const foreign = await getAuditEventOrThrow({ actor: acmeAdmin, id: globex!.id }).catch((e: unknown) => e);
    const unknown = await getAuditEventOrThrow({ actor: acmeAdmin, id: 'no-such-event' }).catch((e: unknown) => e);
    expect(foreign).toMatchObject({ code: 'NOT_FOUND', userMessage: 'No such audit event.' });
    expect(unknown).toMatchObject({ code: 'NOT_FOUND', userMessage: 'No such audit event.' });
  });
});
