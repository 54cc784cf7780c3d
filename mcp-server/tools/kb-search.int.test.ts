import { beforeAll, describe, expect, it } from 'vitest';
import { ZKbSearchInput, ZKbSearchOutput } from '@/lib/schemas/builtin-tools';
import { getDb, type PrismaClient } from '@/lib/server/db/client';
import { tenantToolContext } from '@/lib/testing/tool-context';
import { Prisma } from '@/lib/generated/prisma/client';
import { kbSearch, kbSearchQuery } from './kb-search';
import type { ToolContext } from './types';

let db: PrismaClient;
let acme: ToolContext, globex: ToolContext;
beforeAll(async () => {
  db = await getDb();
  [acme, globex] = await Promise.all([tenantToolContext(db, 'acme'), tenantToolContext(db, 'globex')]);
});

const search = async (ctx: ToolContext, query: string, limit?: number) => ZKbSearchOutput.parse((await kbSearch.execute(ctx, ZKbSearchInput.parse({ query, limit }))).output);

describe('kb_search', () => {
  it('ranks the matching article first, with a highlighted snippet and its tags', async () => {
    const r = await search(acme, 'refund policy');
    expect(r.articles[0]).toMatchObject({ title: 'Refund policy', tags: ['finance', 'refunds'] });
    expect(r.articles[0]!.snippet).toMatch(/\*\*Refund/);
    expect(r.articles[0]!.rank).toBeGreaterThan(0);
  });

  it("returns only the caller's tenant articles", async () => {
    const a = await search(acme, 'refund');
    const g = await search(globex, 'refund');
    expect(a.articles.every((x) => !x.title.endsWith('(Globex)'))).toBe(true);
    expect(g.articles.length).toBeGreaterThan(0);
    expect(g.articles.every((x) => x.title.endsWith('(Globex)'))).toBe(true);
    const ids = new Set(a.articles.map((x) => x.id));
    expect(g.articles.some((x) => ids.has(x.id))).toBe(false);
  });

  it('supports web-search syntax and treats hostile input as words', async () => {
    expect((await search(acme, '"parental leave"')).articles.map((x) => x.title)).toEqual(['Parental leave']);
    expect((await search(acme, "iban' OR 1=1; DROP TABLE \"KbArticle\" --")).articles.length).toBeLessThanOrEqual(1);
    expect((await search(acme, 'the')).articles).toEqual([]); // stop words only
    expect(await db.kbArticle.count()).toBeGreaterThan(0);
  });

  it('honours the limit and reports touched articles', async () => {
    const res = await kbSearch.execute(acme, ZKbSearchInput.parse({ query: 'ticket OR refund OR HR OR customer', limit: 2 }));
    expect(res.output.articles).toHaveLength(2);
    expect(res.effects.resourcesTouched).toEqual(res.output.articles.map((x) => `kb_article:${x.id}`));
  });

  it('rejects promptly when the call is already aborted', async () => {
    const ac = new AbortController();
    ac.abort();
    await expect(kbSearch.execute({ ...acme, signal: ac.signal }, ZKbSearchInput.parse({ query: 'refund' }))).rejects.toMatchObject({ code: 'CANCELLED' });
  });

  it('keeps each article\'s search document current, and finds through the index in a large knowledge base', async () => {
    const tenantId = acme.tenant.id;
    const filler = Array.from({ length: 3_000 }, (_, i) => ({ tenantId, title: `Archived note ${i}`, body: `Routine archived material number ${i} about quarterly planning.`, tags: ['archive'] }));
    await db.kbArticle.createMany({ data: filler });
    const article = await db.kbArticle.create({ data: { tenantId, title: 'Forklift certification', body: 'Warehouse staff renew the forklift licence every year.', tags: ['safety'] } });
    try {
      expect((await search(acme, 'forklift')).articles.map((x) => x.id)).toEqual([article.id]);
      // The document follows the article: the body's new word is found, the old one no longer.
      await db.kbArticle.update({ where: { id: article.id }, data: { body: 'Warehouse staff renew the pallet-jack permit every year.' } });
      expect((await search(acme, 'permit')).articles.map((x) => x.id)).toEqual([article.id]);
      expect((await search(acme, 'licence')).articles).toEqual([]);
      // With 3,000 other articles, the plan reads the matches from the GIN index instead of every article.
      await db.$executeRawUnsafe('ANALYZE "KbArticle"');
      const plan = (await db.$queryRaw<{ 'QUERY PLAN': string }[]>(Prisma.sql`EXPLAIN ${kbSearchQuery(tenantId, ZKbSearchInput.parse({ query: 'permit' }))}`)).map((r) => r['QUERY PLAN']).join('\n');
      expect(plan).toContain('KbArticle_searchVector_idx');
    } finally {
      await db.kbArticle.deleteMany({ where: { tenantId, OR: [{ tags: { has: 'archive' } }, { id: article.id }] } });
    }
  });
});
