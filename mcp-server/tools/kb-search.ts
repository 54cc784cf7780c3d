import 'server-only';
// kb_search: PostgreSQL full-text search over the calling tenant's knowledge-base articles only.
// Title (weight A), tags (B) and body (C) are matched with websearch_to_tsquery (quotes, OR, -word), ranked with
// ts_rank and summarised with ts_headline. The document is a column the database keeps (KbArticle.searchVector,
// GIN-indexed): a search reads the matching articles, not every article of the tenant. Input is always bound as a
// parameter ($queryRaw template).
import { Prisma } from '@/lib/generated/prisma/client';
import type { z } from 'zod';
import type { ZKbSearchInput, ZKbSearchOutput } from '@/lib/schemas/builtin-tools';
import { raceAbort } from './shared';
import type { ToolExecutor } from './types';

type Input = z.output<typeof ZKbSearchInput>;
type Output = z.output<typeof ZKbSearchOutput>;

interface Row {
  id: string;
  title: string;
  tags: string[];
  rank: number;
  snippet: string;
}

/** The search statement (exported for the test that checks its plan uses the index). */
export function kbSearchQuery(tenantId: string, input: Input): Prisma.Sql {
  return Prisma.sql`
    WITH q AS (SELECT websearch_to_tsquery('english', ${input.query}) AS query)
    SELECT a.id, a.title, a.tags, ts_rank(a."searchVector", q.query)::float8 AS rank,
           ts_headline('english', a.body, q.query, 'MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … ", StartSel=**, StopSel=**') AS snippet
    FROM "KbArticle" a, q
    WHERE a."tenantId" = ${tenantId} AND a."searchVector" @@ q.query
    ORDER BY rank DESC, a.title ASC
    LIMIT ${input.limit}`;
}

export const kbSearch: ToolExecutor<Input, Output> = {
  slug: 'kb_search',
  effect: 'none',
  internalRead: true,
  async execute(ctx, input) {
    const rows = await raceAbort(
      ctx.db.$queryRaw<Row[]>(kbSearchQuery(ctx.tenant.id, input)),
      ctx.signal,
      'the knowledge-base search',
    );
    return {
      output: { articles: rows.map((r) => ({ id: r.id, title: r.title, snippet: r.snippet, tags: r.tags, rank: Math.round(Number(r.rank) * 1e6) / 1e6 })) },
      effects: { resourcesTouched: rows.map((r) => `kb_article:${r.id}`) },
    };
  },
};
