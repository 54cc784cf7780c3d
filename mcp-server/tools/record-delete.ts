import 'server-only';
// record_delete: deletes one row (by primary key) of a whitelisted table of the tenant's dataset. The row is locked
// first and its dependent rows counted: the dataset's foreign keys cascade, so without this check deleting a customer
// would silently delete its orders and invoices. Rows with dependents are refused with the counts; new dependents
// cannot appear meanwhile (inserting one needs a key-share lock on the row we hold FOR UPDATE).
import type { z } from 'zod';
import type { ZRecordDeleteInput, ZRecordDeleteOutput } from '@/lib/schemas/builtin-tools';
import { missingDataset, quotedSchema } from './dataset-sql';
import { inTransaction, pgError, raceAbort } from './shared';
import { ToolRefusal, type ToolExecutor } from './types';

type Input = z.output<typeof ZRecordDeleteInput>;
type Output = z.output<typeof ZRecordDeleteOutput>;

/** The only tables the tool may touch, and which rows depend on each (table, foreign-key column). */
const TABLES: Record<string, { label: string; dependents: { table: string; column: string; label: string }[] }> = {
  customers: { label: 'Customer', dependents: [{ table: 'orders', column: 'customer_id', label: 'order' }, { table: 'invoices', column: 'customer_id', label: 'invoice' }] },
  orders: { label: 'Order', dependents: [{ table: 'invoices', column: 'order_id', label: 'invoice' }] },
  invoices: { label: 'Invoice', dependents: [] },
};

export const recordDelete: ToolExecutor<Input, Output> = {
  slug: 'record_delete',
  effect: 'db',
  async execute(ctx, input) {
    const def = Object.hasOwn(TABLES, input.table) ? TABLES[input.table] : undefined;
    if (!def) throw new ToolRefusal('INVALID', `Table "${input.table}" cannot be deleted from (allowed: ${Object.keys(TABLES).join(', ')}).`);
    const s = quotedSchema(ctx.tenant.slug);
    const work = inTransaction(ctx.db, async (tx) => {
      const found = await tx.$queryRawUnsafe<{ id: number }[]>(`SELECT id FROM ${s}."${input.table}" WHERE id = $1 FOR UPDATE`, input.id);
      if (found.length === 0) throw new ToolRefusal('NOT_FOUND', `${def.label} ${input.id} does not exist in ${input.table} (tenant "${ctx.tenant.slug}").`);
      const blocking: string[] = [];
      for (const d of def.dependents) {
        const [{ n }] = await tx.$queryRawUnsafe<[{ n: number }]>(`SELECT count(*)::int AS n FROM ${s}."${d.table}" WHERE "${d.column}" = $1`, input.id);
        if (n > 0) blocking.push(`${n} ${d.label}${n === 1 ? '' : 's'}`);
      }
      if (blocking.length) {
        throw new ToolRefusal('INVALID', `${def.label} ${input.id} cannot be deleted: it is referenced by ${blocking.join(' and ')}. Delete or reassign them first.`);
      }
      const deleted = await tx.$executeRawUnsafe(`DELETE FROM ${s}."${input.table}" WHERE id = $1`, input.id);
      return deleted === 1;
    }, { timeoutMs: ctx.timeoutMs });
    try {
      const deleted = await raceAbort(work, ctx.signal, 'the deletion');
      return { output: { table: input.table, id: input.id, deleted }, effects: { resourcesTouched: [`${s.replace(/"/g, '')}.${input.table}:${input.id}`] } };
    } catch (e) {
      if (pgError(e)?.code === '23503') throw new ToolRefusal('INVALID', `${def.label} ${input.id} cannot be deleted: other rows still refer to it.`);
      throw missingDataset(e, ctx.tenant.slug);
    }
  },
};
