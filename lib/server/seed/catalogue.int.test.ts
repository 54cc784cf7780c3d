// The built-in tools' seed: a slug already held by a tool of another kind (upstream or HTTP) is never turned into a
// built-in; it is skipped with a warning, and the tool keeps its kind, versions and served version.
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { BUILTIN_TOOLS } from '@/lib/schemas/builtin-tools';
import { getDb } from '@/lib/server/db/client';
import { syncBuiltinTools } from './catalogue';

const template = BUILTIN_TOOLS.find((t) => t.slug === 'kb_search')!;

describe('syncBuiltinTools', () => {
  // These tools have no executor: removed afterwards so no other suite sees them in the shared database.
  const created: string[] = [];
  afterAll(async () => {
    const db = await getDb();
    await db.tool.deleteMany({ where: { slug: { in: created } } });
  });

  it('skips a built-in whose slug a non-built-in tool already has, with a clear warning', async () => {
    const db = await getDb();
    const slug = `seed_clash_${randomBytes(4).toString('hex')}`;
    created.push(slug);
    const existing = await db.tool.create({
      data: {
        slug, title: 'Someone else\'s HTTP tool', description: 'Declared by a tool owner', category: 'test', kind: 'http_declarative', lifecycle: 'in_review',
        ownerTeam: 'Support', riskLevel: 'low', dataClassification: 'internal',
      },
    });
    const warn = vi.fn();
    const r = await syncBuiltinTools(db, [{ ...template, slug }], warn);
    expect(r.skipped).toEqual([slug]);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toBe(`[seed] Built-in tool "${slug}" skipped: a http_declarative tool already has this slug. Rename that tool to serve the built-in one.`);
    const after = await db.tool.findUniqueOrThrow({ where: { slug }, include: { versions: true } });
    expect(after).toMatchObject({ id: existing.id, kind: 'http_declarative', lifecycle: 'in_review', title: 'Someone else\'s HTTP tool', servedVersion: existing.servedVersion });
    expect(after.versions).toHaveLength(0);
  });

  it('still creates a new built-in, once: a second run changes nothing and warns about nothing', async () => {
    const db = await getDb();
    const slug = `seed_new_${randomBytes(4).toString('hex')}`;
    created.push(slug);
    const warn = vi.fn();
    expect((await syncBuiltinTools(db, [{ ...template, slug }], warn)).skipped).toEqual([]);
    expect((await syncBuiltinTools(db, [{ ...template, slug }], warn)).skipped).toEqual([]);
    expect(warn).not.toHaveBeenCalled();
    const tool = await db.tool.findUniqueOrThrow({ where: { slug }, include: { versions: true } });
    expect(tool).toMatchObject({ kind: 'builtin', lifecycle: 'published', servedVersion: 1 });
    expect(tool.versions.map((v) => [v.version, v.status])).toEqual([[1, 'approved']]);
  });
});
