import { beforeAll, describe, expect, it } from 'vitest';
import { ZTicketCreateInput, ZTicketCreateOutput, ZTicketSearchInput, ZTicketSearchOutput } from '@/lib/schemas/builtin-tools';
import type { PrismaClient } from '@/lib/server/db/client';
import { LOCK_RACES_TESTABLE, seededToolContexts } from '@/lib/testing/tool-context';
import { ticketCreate } from './ticket-create';
import { ticketSearch } from './ticket-search';
import type { ToolContext } from './types';

const CONCURRENT = LOCK_RACES_TESTABLE;

let db: PrismaClient;
let acme: ToolContext, globex: ToolContext;
beforeAll(async () => {
  ({ db, acme, globex } = await seededToolContexts());
});

const search = async (ctx: ToolContext, input: Record<string, unknown>) => ZTicketSearchOutput.parse((await ticketSearch.execute(ctx, ZTicketSearchInput.parse(input))).output);
const create = async (ctx: ToolContext, input: Record<string, unknown>) => ZTicketCreateOutput.parse((await ticketCreate.execute(ctx, ZTicketCreateInput.parse(input))).output);

describe('ticket_search', () => {
  it('finds by words (all must match, any case) and by number, in the caller tenant only', async () => {
    const r = await search(acme, { query: 'INVOICE amount' });
    expect(r.tickets.map((t) => t.title)).toEqual(['Invoice amount differs from order total']);
    const byNumber = await search(acme, { query: `#${r.tickets[0]!.number}` });
    expect(byNumber.tickets.map((t) => t.number)).toEqual([r.tickets[0]!.number]);
    const acmeIds = (await search(acme, { limit: 50 })).tickets.map((t) => t.requester);
    expect(acmeIds.every((x) => x.endsWith('@acme-customers.example'))).toBe(true);
    expect((await search(globex, { limit: 50 })).tickets.every((t) => t.requester.endsWith('@globex-customers.example'))).toBe(true);
  });

  it('filters by status, newest first, up to the limit', async () => {
    const r = await search(acme, { status: 'open', limit: 3 });
    expect(r.tickets.length).toBeGreaterThan(0);
    expect(r.tickets.length).toBeLessThanOrEqual(3);
    expect(r.tickets.every((t) => t.status === 'open')).toBe(true);
    const dates = r.tickets.map((t) => t.createdAt);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('treats LIKE wildcards literally', async () => {
    expect((await search(acme, { query: '%' })).tickets).toEqual([]);
    expect((await search(acme, { query: 'ORD-2026-000_2' })).tickets).toEqual([]);
    expect((await search(acme, { query: 'ORD-2026-00042' })).tickets.map((t) => t.title)).toEqual(['Refund request for order ORD-2026-00042']);
  });
});

describe('ticket_create', () => {
  it('creates a ticket with the next number of the tenant, createdVia mcp', async () => {
    const before = await db.ticket.aggregate({ where: { tenantId: acme.tenant.id }, _max: { number: true } });
    const res = await ticketCreate.execute(acme, ZTicketCreateInput.parse({ title: 'Printer on fire', body: 'Third floor.', requester: 'jane@acme-customers.example', priority: 'urgent' }));
    const out = ZTicketCreateOutput.parse(res.output);
    expect(out.ticket).toMatchObject({ number: (before._max.number ?? 1000) + 1, title: 'Printer on fire', status: 'open', priority: 'urgent', requester: 'jane@acme-customers.example' });
    expect(res.effects.resourcesTouched).toEqual([`ticket:${out.ticket.number}`]);
    const row = await db.ticket.findUniqueOrThrow({ where: { tenantId_number: { tenantId: acme.tenant.id, number: out.ticket.number } } });
    expect(row.createdVia).toBe('mcp');
  });

  it.runIf(CONCURRENT)('allocates distinct consecutive numbers under concurrency, per tenant', async () => {
    const before = await db.ticket.aggregate({ where: { tenantId: globex.tenant.id }, _max: { number: true } });
    const made = await Promise.all(
      Array.from({ length: 8 }, (_, i) => create(globex, { title: `Concurrent ticket ${i}`, body: 'Load test.', requester: 'ops@globex-customers.example' })),
    );
    const numbers = made.map((m) => m.ticket.number).sort((a, b) => a - b);
    const start = (before._max.number ?? 1000) + 1;
    expect(numbers).toEqual(Array.from({ length: 8 }, (_, i) => start + i));
  });

  it('inside a caller transaction: rolled back with it', async () => {
    const before = await db.ticket.count({ where: { tenantId: acme.tenant.id } });
    await db.$transaction(async (tx) => {
      await create({ ...acme, db: tx }, { title: 'Rolled back', body: 'Audit failed.', requester: 'x@acme-customers.example' });
      throw new Error('audit failed');
    }).catch(() => undefined);
    expect(await db.ticket.count({ where: { tenantId: acme.tenant.id } })).toBe(before);
  });
});
