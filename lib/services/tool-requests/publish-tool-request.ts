import 'server-only';
// approved → published: creates the catalogue registration record and version 1 of the definition agents see,
// runs the contract tests and records them on the timeline. A failing contract test refuses publication: the
// definition checks, then version 1's contract examples through the same runner and the same gate
// (assertContractPassed) as any later version's approval. (Importing the runner from mcp-server/ is a known
// exception to the layering, like run-discovery.ts.)
import { AppError, isAppError } from '@/lib/errors';
import { assertCan, type Actor } from '@/lib/policy';
import type { TContractExamples } from '@/lib/schemas/contracts';
import { ZToolRequestFields } from '@/lib/schemas/tool-request';
import { getDb } from '@/lib/server/db/client';
import { assertContractPassed } from '@/lib/services/contracts/assert-contract-passed';
import { recordContractRun } from '@/lib/services/contracts/record-contract-run';
import { definitionHash } from '@/lib/tool-definition';
import { contractChecks, deriveContractExamples, deriveDefinition, deriveRecord, slugFromTitle } from '@/lib/tool-request-definition';
import { runContractExamples } from '@/mcp-server/contracts/run-contract';
import { guardedTransition, loadRequestOrThrow, recordChange, type Tx } from './shared';

async function freeSlug(tx: Tx, wanted: string, explicit: boolean): Promise<string> {
  if (!(await tx.tool.findUnique({ where: { slug: wanted }, select: { id: true } }))) return wanted;
  if (explicit) throw new AppError('CONFLICT', { userMessage: `A tool named ${wanted} already exists; choose another name.`, fieldErrors: { slug: ['This name is taken.'] } });
  for (let i = 2; i < 1000; i++) {
    const s = `${wanted}_${i}`;
    if (!(await tx.tool.findUnique({ where: { slug: s }, select: { id: true } }))) return s;
  }
  throw new AppError('CONFLICT', { userMessage: 'Could not find a free tool name; give one explicitly.' });
}

/** `contractExamples`: version 1's examples (default: the refusals its input schema promises, deriveContractExamples). */
export async function publishToolRequest({ actor, id, slug, contractExamples }: { actor: Actor; id: string; slug?: string; contractExamples?: TContractExamples }) {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const req = await loadRequestOrThrow(tx, actor, id);
    assertCan(actor, 'tool_request.publish', req);
    const fields = ZToolRequestFields.parse(req);
    const r = { ...fields, id: req.id, riskLevel: req.riskLevel };
    const name = await freeSlug(tx, slug ?? slugFromTitle(req.title), slug !== undefined);
    const def = deriveDefinition(r, name);
    const record = deriveRecord(r);
    const checks = contractChecks(r, def, record);
    const passed = checks.every((c) => c.passed);
    if (!passed) {
      throw new AppError('INVALID_STATE', { userMessage: `Contract tests failed: ${checks.filter((c) => !c.passed).map((c) => c.name).join('; ')}.` });
    }
    const tool = await tx.tool.create({ data: { slug: name, ...record, ownerUserId: req.requesterId, servedVersion: 1, links: [{ title: 'Tool request', url: `/requests/${req.id}` }] } });
    const examples = contractExamples ?? deriveContractExamples(def);
    const version = await tx.toolVersion.create({
      data: {
        toolId: tool.id, version: 1, status: 'approved', name: def.name, description: def.description, inputSchema: def.inputSchema as object,
        outputSchema: (def.outputSchema ?? undefined) as object | undefined, annotations: def.annotations as object, definitionHash: definitionHash(def),
        changeNote: `Initial release from tool request "${req.title}"`, authorId: req.requesterId, reviewedById: actor.id, contractExamples: examples as object[],
      },
    });
    // Version 1 is served only if its contract passes, against the requesting tenant's data, like later versions.
    const run = examples.length ? await recordContractRun({ actor, versionId: version.id, tenantId: req.tenantId, results: await runContractExamples(tx, version.id, req.tenantId), tx }) : null;
    try {
      await assertContractPassed(tx, version);
    } catch (e) {
      if (!isAppError(e) || !run) throw e;
      const failures = run.results.filter((r) => r.status === 'failed').map((r) => `"${r.name}": ${r.problems.join(' ')}`);
      throw new AppError('INVALID_STATE', { userMessage: `Publication refused: version 1 of ${name} failed ${run.failed} of ${run.total} contract examples (${failures.join('; ')}). Nothing was published; fix the request or its examples and publish again.` });
    }
    const to = await guardedTransition(tx, req, 'publish', { publishedAt: new Date(), toolId: tool.id });
    await tx.toolRequestEvent.create({ data: { requestId: id, actorId: actor.id, type: 'contract_tests', comment: `${checks.length} of ${checks.length} contract tests passed`, data: { passed, checks: checks.map((c) => ({ ...c })), contractRunId: run?.id ?? null } } });
    await recordChange(tx, actor, req, {
      type: 'published', from: req.status, to, data: { toolSlug: name, toolId: tool.id },
      notify: { title: `Published: ${name}`, body: `${req.title} is in the catalogue; tenant admins can now activate it.` },
    });
    return { id, status: to, toolSlug: name };
  });
}
