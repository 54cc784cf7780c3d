import 'server-only';
// The tool page's contract panel: each live version's examples and last run (rejected and superseded versions are
// history: the version list keeps them).
import { AppError } from '@/lib/errors';
import { assertCan, can, type Actor } from '@/lib/policy';
import { storedContractExamples, type TVersionContract } from '@/lib/schemas/contracts';
import { getDb } from '@/lib/server/db/client';
import { findLastContractRuns } from './find-contract-runs';

export async function findVersionContracts({ actor, slug }: { actor: Actor; slug: string }) {
  assertCan(actor, 'catalogue.read');
  const db = await getDb();
  const tool = await db.tool.findUnique({
    where: { slug },
    select: { id: true, ownerUserId: true, servedVersion: true, versions: { where: { status: { in: ['draft', 'in_review', 'approved'] } }, orderBy: { version: 'desc' }, select: { id: true, version: true, status: true, contractExamples: true } } },
  });
  if (!tool) throw new AppError('NOT_FOUND', { userMessage: `No tool named ${slug} in the catalogue.` });
  const runs = await findLastContractRuns({ actor, toolIds: [tool.id] });
  const versions: TVersionContract[] = tool.versions.map((v) => ({
    versionId: v.id, version: v.version, status: v.status, served: v.version === tool.servedVersion,
    examples: storedContractExamples(v.contractExamples), lastRun: runs.get(v.id) ?? null,
  }));
  return { versions, canEdit: can(actor, 'tool.edit', { ownerUserId: tool.ownerUserId }), canRun: can(actor, 'tool_contract.run', { ownerUserId: tool.ownerUserId }) };
}
