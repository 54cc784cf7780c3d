import 'server-only';
// Records one run of a version's contract examples and its audit event in one transaction. Called by the runner
// (mcp-server/contracts/run-contract.ts) for the tool page, CI and tests; the run's outcome decides whether the
// version may be served (assert-contract-passed.ts).
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Actor } from '@/lib/policy';
import type { TContractExampleResult, TContractRunView } from '@/lib/schemas/contracts';
import { writeAudit } from '@/lib/server/audit';
import { getDb } from '@/lib/server/db/client';
import { newRequestId } from '@/lib/server/ids';

/** `tx`: record inside the caller's transaction (publication of a tool request), else in one of its own. */
export async function recordContractRun({ actor, versionId, tenantId, results, tx: outer }: { actor: Actor; versionId: string; tenantId: string | null; results: TContractExampleResult[]; tx?: Prisma.TransactionClient }): Promise<TContractRunView> {
  const failed = results.filter((r) => r.status === 'failed').length;
  const passed = failed === 0 && results.some((r) => r.status === 'passed');
  const record = async (tx: Prisma.TransactionClient): Promise<TContractRunView> => {
    const v = await tx.toolVersion.findUniqueOrThrow({ where: { id: versionId }, select: { id: true, toolId: true, version: true, tool: { select: { slug: true } } } });
    const run = await tx.contractRun.create({
      data: {
        toolId: v.toolId, toolVersionId: v.id, version: v.version, tenantId, passed, total: results.length, failed,
        results: results as unknown as Prisma.InputJsonValue, ranById: actor.kind === 'user' ? actor.id : null, ranByLabel: actor.label,
      },
    });
    await writeAudit(tx, actor, {
      requestId: newRequestId(), action: 'tool_contract.ran', resourceType: 'tool_version', resourceId: v.id, toolSlug: v.tool.slug, toolVersion: v.version,
      tenantId, outcome: passed ? 'success' : 'error', errorCode: passed ? null : 'CONTRACT_FAILED',
      details: { runId: run.id, total: results.length, failed, skipped: results.filter((r) => r.status === 'skipped').length, failedExamples: results.filter((r) => r.status === 'failed').map((r) => r.name) },
    });
    return { id: run.id, version: v.version, passed, total: results.length, failed, results, ranAt: run.ranAt.toISOString(), ranBy: actor.label };
  };
  return outer ? record(outer) : (await getDb()).$transaction(record);
}
