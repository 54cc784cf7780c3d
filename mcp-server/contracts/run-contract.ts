import 'server-only';
// Runs a tool version's contract examples through the call pipeline's own steps — input checked against the
// version's JSON Schema (and a built-in's zod contract), the executor chosen by the tool's kind, the tool's time
// limit, the output checked against the version's contract and size limit and redacted per the tenant's rules — then
// compares each outcome with its example and records the run (lib/services/contracts/record-contract-run.ts).
// Not applied: activation, limits and the approval gate (they are tenant policy, not the tool's contract).
// Side effects: a database-writing tool runs inside a transaction that is always rolled back; a tool with an
// external effect (e-mail…) is never executed: only its examples that expect the input to be refused can pass,
// the others are reported as skipped.
import { createHash } from 'node:crypto';
import { AppError } from '@/lib/errors';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { assertCan, type Actor } from '@/lib/policy';
import { builtinTool } from '@/lib/schemas/builtin-tools';
import { storedContractExamples, type TContractExampleResult, type TContractRunView } from '@/lib/schemas/contracts';
import { parseToolConfig } from '@/lib/schemas/tool-config';
import { getDb } from '@/lib/server/db/client';
import { newRequestId } from '@/lib/server/ids';
import { recordContractRun } from '@/lib/services/contracts/record-contract-run';
import { getSecretValue } from '@/lib/services/secrets/get-secret-value';
import { executorForTool } from '@/mcp-server/executors';
import { checkAgainstSchema } from '@/mcp-server/executors/json-schema';
import { executeWithTimeout } from '@/mcp-server/pipeline/execute';
import { checkServedOutput } from '@/mcp-server/pipeline/redact-output';
import { loadTenantPolicyFresh } from '@/mcp-server/pipeline/resolve-access';
import { validateServedInput } from '@/mcp-server/pipeline/validate-input';
import type { ToolContext, ToolExecutor, ToolResult } from '@/mcp-server/tools/types';
import { checkExample, type CallOutcome } from './check-example';

class RollBack extends Error {
  constructor(readonly result: ToolResult<unknown>) {
    super('contract run: roll back');
  }
}

const schemaKey = (schema: Record<string, unknown>) => `contract:${createHash('sha256').update(JSON.stringify(schema)).digest('hex')}`;
const exampleSchemaProblems = (schema: Record<string, unknown>, output: unknown) => {
  const r = checkAgainstSchema(schemaKey(schema), 'output', schema, output);
  return r.ok ? [] : r.problems;
};

type Db = PrismaClient | Prisma.TransactionClient;

async function loadVersion(db: Db, versionId: string) {
  const v = await db.toolVersion.findUnique({
    where: { id: versionId },
    select: {
      id: true, version: true, definitionHash: true, inputSchema: true, outputSchema: true, annotations: true, contractExamples: true,
      tool: { select: { id: true, slug: true, kind: true, config: true, timeoutMs: true, maxInputBytes: true, maxOutputBytes: true, readOnly: true, ownerUserId: true } },
    },
  });
  if (!v) throw new AppError('NOT_FOUND', { userMessage: 'This tool version does not exist.' });
  return v;
}

/**
 * Runs the examples of one version against one tenant's data and returns the per-example results (nothing recorded).
 * `db` may be a transaction (publication of a tool request runs version 1's examples before it commits); a
 * database-writing tool then cannot run its examples in a transaction of their own and they fail.
 */
export async function runContractExamples(db: Db, versionId: string, tenantId: string): Promise<TContractExampleResult[]> {
  const v = await loadVersion(db, versionId);
  const examples = storedContractExamples(v.contractExamples);
  if (examples.length === 0) throw new AppError('INVALID_STATE', { userMessage: `Version ${v.version} of ${v.tool.slug} has no contract examples: add some first.` });
  const tenant = await db.tenant.findUnique({ where: { id: tenantId }, select: { id: true, slug: true, name: true } });
  if (!tenant) throw new AppError('NOT_FOUND', { userMessage: 'The tenant whose data the contract should use does not exist.' });
  const policy = await loadTenantPolicyFresh(db as PrismaClient, tenantId); // reads one row: a transaction serves too
  const served = { definitionHash: v.definitionHash, inputSchema: (v.inputSchema ?? {}) as Record<string, unknown>, outputSchema: (v.outputSchema as Record<string, unknown> | null) ?? null };
  const config = parseToolConfig(v.tool.kind, v.tool.config);
  const choice = config.ok
    ? executorForTool({ id: v.tool.id, slug: v.tool.slug, kind: v.tool.kind, config: config.config, version: v.version, ...served, annotations: (v.annotations ?? {}) as Record<string, unknown>, timeoutMs: v.tool.timeoutMs, maxOutputBytes: v.tool.maxOutputBytes, readOnly: v.tool.readOnly })
    : { ok: false as const, message: config.message };
  const contract = v.tool.kind === 'builtin' ? builtinTool(v.tool.slug) : undefined;
  const requestId = newRequestId();
  const base: Omit<ToolContext, 'signal' | 'db'> = {
    tenant, policy, requestId, timeoutMs: v.tool.timeoutMs, maxOutputBytes: v.tool.maxOutputBytes,
    caller: { tokenId: 'contract-run', tokenName: 'contract run', teamId: null, userId: null },
    secret: (name) => getSecretValue(tenant.id, v.tool.slug, name),
  };

  const execute = async (executor: ToolExecutor<Record<string, unknown>, unknown>, args: Record<string, unknown>): Promise<ToolResult<unknown>> => {
    if (executor.effect !== 'db') return executeWithTimeout(executor, { ...base, db }, args);
    if (!('$transaction' in db)) throw new Error('A database-writing tool cannot run its contract inside another transaction: run it from the tool page.');
    try {
      await db.$transaction(async (tx) => {
        throw new RollBack(await executeWithTimeout(executor, { ...base, db: tx }, args));
      }, { timeout: v.tool.timeoutMs + 5_000 });
    } catch (e) {
      if (e instanceof RollBack) return e.result;
      throw e;
    }
    throw new Error('unreachable: the contract transaction always rolls back');
  };

  const results: TContractExampleResult[] = [];
  for (const example of examples) {
    const started = performance.now();
    const done = (status: TContractExampleResult['status'], problems: string[]) => results.push({ name: example.name, status, problems, latencyMs: Math.round(performance.now() - started) });
    const input = validateServedInput(served, contract?.input, example.input, v.tool.maxInputBytes);
    let outcome: CallOutcome;
    if (!input.ok) {
      outcome = { ok: false, message: input.message };
    } else if (!choice.ok) {
      done('failed', [`The tool cannot be executed: ${choice.message}`]);
      continue;
    } else if (choice.executor.effect === 'external') {
      done('skipped', [`${v.tool.slug} has an external effect: contract runs never execute it (the input was valid, so nothing else could be checked).`]);
      continue;
    } else {
      try {
        const r = await execute(choice.executor, input.value as Record<string, unknown>);
        const out = checkServedOutput(served, contract?.output, r.output, v.tool.maxOutputBytes, policy.piiRules);
        outcome = out.ok ? { ok: true, output: out.value } : { ok: false, message: out.message };
      } catch (e) {
        outcome = { ok: false, message: e instanceof Error ? e.message : String(e) };
      }
    }
    const problems = checkExample(example, outcome, exampleSchemaProblems);
    done(problems.length ? 'failed' : 'passed', problems);
  }
  return results;
}

/**
 * The tool page's "Run contract": the owner, a reviewer or a platform admin runs a version's examples against
 * their tenant's data (platform staff without a tenant: the tool owner's tenant), and the run is recorded.
 */
export async function runContractAs({ actor, slug, versionId }: { actor: Actor; slug: string; versionId: string }): Promise<TContractRunView> {
  const db = await getDb();
  const v = await db.toolVersion.findFirst({ where: { id: versionId, tool: { slug } }, select: { id: true, tool: { select: { ownerUserId: true, owner: { select: { tenantId: true } } } } } });
  if (!v) throw new AppError('NOT_FOUND', { userMessage: 'This version does not exist for this tool: reload the page.' });
  assertCan(actor, 'tool_contract.run', { ownerUserId: v.tool.ownerUserId });
  const tenantId = actor.tenantId ?? v.tool.owner?.tenantId ?? null;
  if (!tenantId) throw new AppError('INVALID_STATE', { userMessage: "Contract examples run against a tenant's data: this tool has no owner in a tenant, so a member of a tenant (its owner, or a platform admin of a tenant) must run them. Built-in tools are also checked in CI (npm run tools:contract)." });
  const results = await runContractExamples(db, v.id, tenantId);
  return recordContractRun({ actor, versionId: v.id, tenantId, results });
}
