import 'server-only';
// One background pass of the metric rollups, called by the audit runner right after the sealer (what it sealed is
// what the rollup may read); pruning of the fine grains at most once an hour.
import { getDb } from '@/lib/server/db/client';
import { pruneRollups, rollupAll } from './rollup';

const g = globalThis as unknown as { __metricsPrunedAt?: number };

export async function runRollups(now = Date.now()): Promise<void> {
  const db = await getDb();
  await rollupAll(db, { now });
  if (now - (g.__metricsPrunedAt ?? 0) > 3_600_000) {
    g.__metricsPrunedAt = now;
    await pruneRollups(db, now);
  }
}
