import 'server-only';
// payment_refund: refunds (part of) a paid invoice of the tenant's dataset. The invoice row is locked (FOR UPDATE)
// so concurrent refunds cannot together exceed the amount; money is computed in integer cents. Runs in ctx.db:
// the pipeline passes the audit's transaction (effect 'db'), so the refund and its audit record commit together.
import type { z } from 'zod';
import type { ZPaymentRefundInput, ZPaymentRefundOutput } from '@/lib/schemas/builtin-tools';
import { formatCents, missingDataset, quotedSchema, toCents } from './dataset-sql';
import { inTransaction, raceAbort } from './shared';
import { ToolRefusal, type ToolExecutor } from './types';

type Input = z.output<typeof ZPaymentRefundInput>;
type Output = z.output<typeof ZPaymentRefundOutput>;

const REFUNDABLE = new Set(['paid', 'partially_refunded']);

interface InvoiceRow {
  id: number;
  amount: string;
  refunded: string;
  currency: string;
  status: string;
}

export const paymentRefund: ToolExecutor<Input, Output> = {
  slug: 'payment_refund',
  effect: 'db',
  async execute(ctx, input) {
    const cents = Math.round(input.amount * 100);
    if (Math.abs(input.amount * 100 - cents) > 1e-6) throw new ToolRefusal('INVALID', `Refund amounts have at most 2 decimals (got ${input.amount}).`);
    if (cents <= 0) throw new ToolRefusal('INVALID', 'The refund amount must be at least 0.01.');
    const s = quotedSchema(ctx.tenant.slug);
    const work = inTransaction(ctx.db, async (tx) => {
      const [inv] = await tx.$queryRawUnsafe<InvoiceRow[]>(
        `SELECT id, amount::text AS amount, refunded::text AS refunded, currency, status FROM ${s}.invoices WHERE id = $1 FOR UPDATE`,
        input.invoiceId,
      );
      if (!inv) throw new ToolRefusal('NOT_FOUND', `Invoice ${input.invoiceId} does not exist in the dataset of tenant "${ctx.tenant.slug}".`);
      const amount = toCents(inv.amount);
      const already = toCents(inv.refunded);
      const remaining = amount - already;
      if (!REFUNDABLE.has(inv.status)) {
        throw new ToolRefusal('INVALID', inv.status === 'refunded'
          ? `Invoice ${inv.id} is already fully refunded (${formatCents(already)} ${inv.currency}).`
          : `Invoice ${inv.id} is ${inv.status}, not paid; only paid or partially refunded invoices can be refunded.`);
      }
      if (cents > remaining) {
        throw new ToolRefusal('INVALID', `A refund of ${formatCents(cents)} ${inv.currency} exceeds what invoice ${inv.id} can still refund: ${formatCents(remaining)} ${inv.currency} (amount ${formatCents(amount)}, already refunded ${formatCents(already)}).`);
      }
      const total = already + cents;
      const status = total === amount ? 'refunded' : 'partially_refunded';
      await tx.$executeRawUnsafe(`UPDATE ${s}.invoices SET refunded = $2::numeric, status = $3 WHERE id = $1`, inv.id, formatCents(total), status);
      return { invoiceId: inv.id, refunded: cents / 100, totalRefunded: total / 100, status };
    }, { timeoutMs: ctx.timeoutMs });
    try {
      const output = await raceAbort(work, ctx.signal, 'the refund');
      return { output, effects: { resourcesTouched: [`${s.replace(/"/g, '')}.invoices:${output.invoiceId}`] } };
    } catch (e) {
      throw missingDataset(e, ctx.tenant.slug);
    }
  },
};
