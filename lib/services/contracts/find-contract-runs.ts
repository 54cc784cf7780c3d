import 'server-only';
// The last contract run of each version of some tools (tool page, catalogue list), and a version's examples.
import { assertCan, type Actor } from '@/lib/policy';
import { storedContractResults, type TContractRunView } from '@/lib/schemas/contracts';
import { getDb } from '@/lib/server/db/client';

/** Last run per version id, for the given tools. */
export async function findLastContractRuns({ actor, toolIds }: { actor: Actor; toolIds: string[] }): Promise<Map<string, TContractRunView>> {
  assertCan(actor, 'catalogue.read');
  if (toolIds.length === 0) return new Map();
  const db = await getDb();
  const runs = await db.contractRun.findMany({
    where: { toolId: { in: toolIds } }, orderBy: [{ ranAt: 'desc' }, { id: 'desc' }],
    distinct: ['toolVersionId'],
    select: { id: true, toolVersionId: true, version: true, passed: true, total: true, failed: true, results: true, ranAt: true, ranByLabel: true },
  });
  return new Map(runs.map((r) => [r.toolVersionId, { id: r.id, version: r.version, passed: r.passed, total: r.total, failed: r.failed, results: storedContractResults(r.results), ranAt: r.ranAt.toISOString(), ranBy: r.ranByLabel }]));
}
