import { beforeAll, describe, expect, it } from 'vitest';
import { ZPaymentRefundInput, ZPaymentRefundOutput, ZRecordDeleteInput } from '@/lib/schemas/builtin-tools';
import type { PrismaClient } from '@/lib/server/db/client';
import { LOCK_RACES_TESTABLE, seededToolContexts } from '@/lib/testing/tool-context';
import { paymentRefund } from './payment-refund';
import { recordDelete } from './record-delete';
import { ToolRefusal, type ToolContext } from './types';

const CONCURRENT = LOCK_RACES_TESTABLE;

let db: PrismaClient;
let acme: ToolContext, globex: ToolContext;
beforeAll(async () => {
  ({ db, acme, globex } = await seededToolContexts());
});

/** A fresh customer → order → invoice chain in the tenant's dataset, so tests never share rows. */
async function chain(schema: string, amount = '100.00', status = 'paid') {
  const [c] = await db.$queryRawUnsafe<{ id: number }[]>(`INSERT INTO ${schema}.customers (name, email, country) VALUES ('Test Customer', 'test@customers.example', 'FR') RETURNING id`);
  const [o] = await db.$queryRawUnsafe<{ id: number }[]>(
    `INSERT INTO ${schema}.orders (customer_id, order_number, total, status) VALUES ($1, $2, $3::numeric, 'paid') RETURNING id`,
    c!.id, `T-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`, amount,
  );
  const [i] = await db.$queryRawUnsafe<{ id: number }[]>(`INSERT INTO ${schema}.invoices (order_id, customer_id, amount, status) VALUES ($1, $2, $3::numeric, $4) RETURNING id`, o!.id, c!.id, amount, status);
  return { customer: c!.id, order: o!.id, invoice: i!.id };
}
const invoice = async (schema: string, id: number) =>
  (await db.$queryRawUnsafe<{ refunded: string; status: string }[]>(`SELECT refunded::text AS refunded, status FROM ${schema}.invoices WHERE id = $1`, id))[0];
const refund = (ctx: ToolContext, invoiceId: number, amount: number) => paymentRefund.execute(ctx, ZPaymentRefundInput.parse({ invoiceId, amount, reason: 'Customer complaint' }));
async function refused(p: Promise<unknown>): Promise<ToolRefusal> {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(e, `expected a refusal, got ${String(e)}`).toBeInstanceOf(ToolRefusal);
  return e as ToolRefusal;
}

describe('payment_refund', () => {
  it('refunds part, then the rest, updating refunded and status', async () => {
    const { invoice: id } = await chain('ds_acme', '100.00');
    const first = await refund(acme, id, 30.1);
    expect(ZPaymentRefundOutput.parse(first.output)).toEqual({ invoiceId: id, refunded: 30.1, totalRefunded: 30.1, status: 'partially_refunded' });
    expect(first.effects.resourcesTouched).toEqual([`ds_acme.invoices:${id}`]);
    expect(await invoice('ds_acme', id)).toEqual({ refunded: '30.10', status: 'partially_refunded' });
    const second = await refund(acme, id, 69.9);
    expect(second.output).toEqual({ invoiceId: id, refunded: 69.9, totalRefunded: 100, status: 'refunded' });
    expect((await refused(refund(acme, id, 1))).message).toBe(`Invoice ${id} is already fully refunded (100.00 EUR).`);
  });

  it('refuses an over-refund with the numbers', async () => {
    const { invoice: id } = await chain('ds_acme', '80.00');
    await refund(acme, id, 50);
    const e = await refused(refund(acme, id, 30.01));
    expect([e.code, e.message]).toEqual(['INVALID', `A refund of 30.01 EUR exceeds what invoice ${id} can still refund: 30.00 EUR (amount 80.00, already refunded 50.00).`]);
    expect(await invoice('ds_acme', id)).toEqual({ refunded: '50.00', status: 'partially_refunded' });
  });

  it('refuses unknown and unpaid invoices, and sub-cent amounts', async () => {
    expect((await refused(refund(acme, 999_999, 1))).message).toBe('Invoice 999999 does not exist in the dataset of tenant "acme".');
    const open = await chain('ds_acme', '10.00', 'open');
    expect((await refused(refund(acme, open.invoice, 1))).message).toBe(`Invoice ${open.invoice} is open, not paid; only paid or partially refunded invoices can be refunded.`);
    expect((await refused(refund(acme, open.invoice, 1.005))).message).toBe('Refund amounts have at most 2 decimals (got 1.005).');
  });

  it.runIf(CONCURRENT)('concurrent refunds never exceed the amount (row lock)', async () => {
    const { invoice: id } = await chain('ds_globex', '100.00');
    const results = await Promise.allSettled([refund(globex, id, 60), refund(globex, id, 60), refund(globex, id, 60)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').every((r) => (r as PromiseRejectedResult).reason instanceof ToolRefusal)).toBe(true);
    expect(await invoice('ds_globex', id)).toEqual({ refunded: '60.00', status: 'partially_refunded' });
  });

  it('in the audit transaction: rolled back when the audit fails', async () => {
    const { invoice: id } = await chain('ds_acme', '20.00');
    await db.$transaction(async (tx) => {
      await refund({ ...acme, db: tx }, id, 5);
      throw new Error('audit failed');
    }).catch(() => undefined);
    expect(await invoice('ds_acme', id)).toEqual({ refunded: '0.00', status: 'paid' });
  });

  it('a refusal inside the audit transaction leaves it usable', async () => {
    const { invoice: id } = await chain('ds_acme', '20.00');
    const ok = await db.$transaction(async (tx) => {
      await refused(refund({ ...acme, db: tx }, id, 50));
      await refund({ ...acme, db: tx }, id, 5);
      return true;
    });
    expect(ok).toBe(true);
    expect(await invoice('ds_acme', id)).toEqual({ refunded: '5.00', status: 'partially_refunded' });
  });
});

describe('record_delete', () => {
  const del = (ctx: ToolContext, table: string, id: number) => recordDelete.execute(ctx, ZRecordDeleteInput.parse({ table, id, reason: 'GDPR erasure request' }));

  it('deletes a row without dependents, then reports it unknown', async () => {
    const c = await chain('ds_acme');
    const r = await del(acme, 'invoices', c.invoice);
    expect(r.output).toEqual({ table: 'invoices', id: c.invoice, deleted: true });
    expect(r.effects.resourcesTouched).toEqual([`ds_acme.invoices:${c.invoice}`]);
    const e = await refused(del(acme, 'invoices', c.invoice));
    expect([e.code, e.message]).toEqual(['NOT_FOUND', `Invoice ${c.invoice} does not exist in invoices (tenant "acme").`]);
  });

  it('refuses a row other rows refer to, with the counts, and deletes nothing', async () => {
    const c = await chain('ds_acme');
    const e = await refused(del(acme, 'customers', c.customer));
    expect(e.message).toBe(`Customer ${c.customer} cannot be deleted: it is referenced by 1 order and 1 invoice. Delete or reassign them first.`);
    expect((await refused(del(acme, 'orders', c.order))).message).toBe(`Order ${c.order} cannot be deleted: it is referenced by 1 invoice. Delete or reassign them first.`);
    const [{ n }] = await db.$queryRawUnsafe<[{ n: number }]>('SELECT count(*)::int AS n FROM ds_acme.invoices WHERE id = $1', c.invoice);
    expect(n).toBe(1);
    await del(acme, 'invoices', c.invoice);
    await del(acme, 'orders', c.order);
    expect((await del(acme, 'customers', c.customer)).output.deleted).toBe(true);
  });

  it('only touches the caller tenant dataset', async () => {
    const g = await chain('ds_globex');
    await del(globex, 'invoices', g.invoice);
    const [{ n }] = await db.$queryRawUnsafe<[{ n: number }]>('SELECT count(*)::int AS n FROM ds_globex.orders WHERE id = $1', g.order);
    expect(n).toBe(1);
  });

  it('refuses a table outside the whitelist even if the schema were bypassed', async () => {
    const e = await refused(recordDelete.execute(acme, { table: '"User"' as never, id: 1, reason: 'x' }));
    expect(e.message).toBe('Table ""User"" cannot be deleted from (allowed: customers, orders, invoices).');
  });

  it('a tenant without a dataset', async () => {
    const e = await refused(del({ ...acme, tenant: { ...acme.tenant, slug: 'ghost' } }, 'invoices', 1));
    expect([e.code, e.message]).toEqual(['NOT_CONFIGURED', 'Tenant "ghost" has no dataset (schema ds_ghost or its tables do not exist).']);
  });
});
