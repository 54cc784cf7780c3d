import 'server-only';
// ticket_search: the calling tenant's tickets, filtered by words (every word must appear in the title or the body,
// case-insensitive; "#1003" or "1003" also matches the ticket number) and status, newest first.
import type { z } from 'zod';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { ZTicketSearchInput, ZTicketSearchOutput } from '@/lib/schemas/builtin-tools';
import { raceAbort } from './shared';
import type { ToolExecutor } from './types';

type Input = z.output<typeof ZTicketSearchInput>;
type Output = z.output<typeof ZTicketSearchOutput>;

const MAX_WORDS = 10;

export function ticketDto(t: { number: number; title: string; status: Output['tickets'][number]['status']; priority: Output['tickets'][number]['priority']; requester: string; createdAt: Date }) {
  return { number: t.number, title: t.title, status: t.status, priority: t.priority, requester: t.requester, createdAt: t.createdAt.toISOString() };
}

export const ticketSearch: ToolExecutor<Input, Output> = {
  slug: 'ticket_search',
  effect: 'none',
  internalRead: true,
  async execute(ctx, input) {
    const words = input.query.split(/\s+/).filter(Boolean).slice(0, MAX_WORDS);
    const where: Prisma.TicketWhereInput = {
      tenantId: ctx.tenant.id,
      ...(input.status ? { status: input.status } : {}),
      AND: words.map((w) => {
        const n = /^#?(\d{1,9})$/.exec(w);
        const literal = w.replace(/[\\%_]/g, (c) => `\\${c}`); // LIKE wildcards are searched as text
        return {
          OR: [
            { title: { contains: literal, mode: 'insensitive' as const } },
            { body: { contains: literal, mode: 'insensitive' as const } },
            ...(n ? [{ number: Number(n[1]) }] : []),
          ],
        };
      }),
    };
    const rows = await raceAbort(
      ctx.db.ticket.findMany({ where, orderBy: [{ createdAt: 'desc' }, { number: 'desc' }], take: input.limit }),
      ctx.signal,
      'the ticket search',
    );
    return { output: { tickets: rows.map(ticketDto) }, effects: { resourcesTouched: rows.map((t) => `ticket:${t.number}`) } };
  },
};
