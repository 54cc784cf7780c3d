// GET /api/health's service: ok on a live database, a precise reason (and so a 503) when it is unreachable.
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.doUnmock('@/lib/server/db/client');
  vi.resetModules();
});

describe('checkHealth', () => {
  it('answers ok with a real round trip to the database', async () => {
    const { checkHealth } = await import('./check-health');
    // A generous bound: the first round trip also opens the pool, which takes seconds on a busy machine.
    expect(await checkHealth({ timeoutMs: 120_000 })).toEqual({ status: 'ok', db: 'ok' });
  });

  it('answers an error with the reason when the database is unreachable', async () => {
    const { createPrisma } = await import('@/lib/server/db/client');
    const unreachable = createPrisma('postgresql://postgres@127.0.0.1:1/nothing', 1);
    vi.doMock('@/lib/server/db/client', () => ({ getDb: async () => unreachable }));
    const { checkHealth } = await import('./check-health');
    const h = await checkHealth();
    expect(h.status).toBe('error');
    expect(h).toMatchObject({ db: 'error' });
    expect((h as { reason: string }).reason).toBe("Can't reach database server at 127.0.0.1:1");
    await unreachable.$disconnect().catch(() => undefined);
  });
});
