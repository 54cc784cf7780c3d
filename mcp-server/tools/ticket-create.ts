import 'server-only';
// ticket_create: a new ticket in the calling tenant's ticketing, createdVia "mcp". Numbers are allocated per tenant
// (max + 1, the first one 1001) under a per-tenant transaction-level advisory lock, so concurrent calls never collide;
// a unique violation (e.g. a number written by another path) is retried.
import type { z } from 'zod';
import type { ZTicketCreateInput, ZTicketCreateOutput } from '@/lib/schemas/builtin-tools';
import { inTransaction, pgError, throwIfAborted } from './shared';
import { ticketDto } from './ticket-search';
import { ToolRefusal, type ToolExecutor } from './types';

type Input = z.output<typeof ZTicketCreateInput>;
type Output = z.output<typeof ZTicketCreateOutput>;

const FIRST_NUMBER = 1001;
const ATTEMPTS = 3;

export const ticketCreate: ToolExecutor<Input, Output> = {
  slug: 'ticket_create',
  effect: 'db',
  async execute(ctx, input) {
    for (let attempt = 1; ; attempt++) {
      throwIfAborted(ctx.signal, 'creating the ticket');
      try {
        const ticket = await inTransaction(ctx.db, async (tx) => {
          await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('ticket_number'), hashtext(${ctx.tenant.id}))`;
          const [{ next }] = await tx.$queryRaw<[{ next: number }]>`
            SELECT COALESCE(MAX(number) + 1, ${FIRST_NUMBER})::int AS next FROM "Ticket" WHERE "tenantId" = ${ctx.tenant.id}`;
          return tx.ticket.create({
            data: { tenantId: ctx.tenant.id, number: next, title: input.title, body: input.body, priority: input.priority, requester: input.requester, createdVia: 'mcp' },
          });
        }, { timeoutMs: ctx.timeoutMs });
        return { output: { ticket: ticketDto(ticket) }, effects: { resourcesTouched: [`ticket:${ticket.number}`] } };
      } catch (e) {
        if (pgError(e)?.code === '23505' && attempt < ATTEMPTS) continue;
        if (pgError(e)?.code === '23505') throw new ToolRefusal('UPSTREAM', `Could not allocate a ticket number after ${ATTEMPTS} attempts; try again.`);
        throw e;
      }
    }
  },
};
