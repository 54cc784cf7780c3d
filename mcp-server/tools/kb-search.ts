import 'server-only';
// kb_search: PostgreSQL full-text search over the calling tenant's knowledge-base articles only.
// Title (weight A), tags (B) and body (C) are matched with websearch_to_tsquery (quotes, OR, -word), ranked with
// ts_rank and summarised with ts_headline. Input is always bound as a parameter ($queryRaw template).
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

export const kbSearch: ToolExecutor<Input, Output> = {
  slug: 'kb_search',
  effect: 'none',
  async execute(ctx, input) {
    const rows = await raceAbort(
      ctx.db.$queryRaw<Row[]>`
        WITH q AS (SELECT websearch_to_tsquery('english', ${input.query}) AS query),
        docs AS (
          SELECT a.id, a.title, a.body, a.tags,
                 setweight(to_tsvector('english', a.title), 'A')
                 || setweight(to_tsvector('english', array_to_string(a.tags, ' ')), 'B')
                 || setweight(to_tsvector('english', a.body), 'C') AS doc
          FROM "KbArticle" a
          WHERE a."tenantId" = ${ctx.tenant.id}
        )
        SELECT d.id, d.title, d.tags, ts_rank(d.doc, q.query)::float8 AS rank,
               ts_headline('english', d.body, q.query, 'MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … ", StartSel=**, StopSel=**') AS snippet
        FROM docs d, q
        WHERE d.doc @@ q.query
        ORDER BY rank DESC, d.title ASC
        LIMIT ${input.limit}`,
      ctx.signal,
      'the knowledge-base search',
    );
    return {
      output: { articles: rows.map((r) => ({ id: r.id, title: r.title, snippet: r.snippet, tags: r.tags, rank: Math.round(Number(r.rank) * 1e6) / 1e6 })) },
      effects: { resourcesTouched: rows.map((r) => `kb_article:${r.id}`) },
    };
  },
};
