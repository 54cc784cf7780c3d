import 'server-only';
// Runs an approved call exactly once, with exactly the approved arguments, through the pipeline's own steps
// (executor with the tool's time limit, output validation, PII redaction, audit).
// - Authorization is checked again first: a revoked or expired token, a killed or disabled tool, or a served version
//   other than the approved one makes the approval `void` (nothing runs; agent and operator see why).
// - Exactly once: the `approved → executing` transition is a guarded update. For tools without external effect it
//   happens inside the transaction that runs the tool and writes `executed`, the result and the audit record, so the
//   effect and its mark commit together or not at all (concurrent claims wait on the row lock, then find nothing to
//   claim). An external effect (email) is claimed and recorded in its own transaction before it leaves and is never
//   retried: after a crash it stays `executing`, which the inbox shows as "outcome unknown".
import { resolveToolAccess } from '@/lib/activation';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { builtinTool } from '@/lib/schemas/builtin-tools';
import type { TToolCallResult } from '@/lib/schemas/approvals';
import type { Actor } from '@/lib/policy';
import { writeAudit } from '@/lib/server/audit';
import { countApprovalEvent } from '@/lib/server/metrics';
import { getDb } from '@/lib/server/db/client';
import { loadAccessContext } from '@/lib/services/activation/load-access-context';
import { openArguments } from '@/lib/services/approvals/approval-arguments';
import { getSecretValue } from '@/lib/services/secrets/get-secret-value';
import { auditableArguments, auditCall, type CallAudit } from '@/mcp-server/pipeline/audit';
import { callerOf, TOKEN_SELECT, type McpCaller } from '@/mcp-server/pipeline/authenticate';
import { executeWithTimeout } from '@/mcp-server/pipeline/execute';
import { DEFAULT_COST_MICROS_PER_MS } from '@/mcp-server/pipeline/metrics';
import { checkServedOutput } from '@/mcp-server/pipeline/redact-output';
import { accessCaller, loadTenantPolicyFresh, type TenantRuntimePolicy } from '@/mcp-server/pipeline/resolve-access';
import { executorForTool } from '@/mcp-server/executors';
import { loadExecutable } from '@/mcp-server/executors/load-executable';
import { ToolRefusal, type ToolContext } from '@/mcp-server/tools/types';

export type RunOutcome = 'executed' | 'failed' | 'void' | 'not_approved';

interface Loaded {
  approval: { id: string; requestId: string; traceId: string | null; toolVersion: number; argumentsEnc: string; argumentsHash: string; tool: { id: string; slug: string } };
  caller: McpCaller;
  policy: TenantRuntimePolicy;
}

/** Rebuilds the agent's authorization context from its token as it is now, or says why it no longer holds. */
async function load(db: PrismaClient, id: string): Promise<Loaded | { voidReason: string } | null> {
  const a = await db.approvalRequest.findUnique({
    where: { id },
    select: {
      id: true, status: true, requestId: true, traceId: true, toolVersion: true, argumentsEnc: true, argumentsHash: true, tenantId: true,
      tool: { select: { id: true, slug: true } },
      token: { select: { ...TOKEN_SELECT, user: { select: { teams: { select: { teamId: true } }, disabled: true } } } },
    },
  });
  if (!a || a.status !== 'approved') return null;
  const t = a.token;
  if (!t) return { voidReason: 'the agent token that made the call was deleted' };
  if (t.revokedAt) return { voidReason: `the agent token "${t.name}" was revoked after the call was made` };
  if (t.expiresAt && t.expiresAt <= new Date()) return { voidReason: `the agent token "${t.name}" expired before the call could run` };
  if (t.user?.disabled) return { voidReason: 'the user the agent token acts for was deactivated' };
  if (t.tenant.suspendedAt) return { voidReason: 'the tenant was suspended' };
  const caller = callerOf(t, null);
  // Fresh, not the /mcp read cache: a kill switch or deactivation made a moment ago must stop this execution.
  const [ctx, policy] = await Promise.all([loadAccessContext({ tenantId: a.tenantId, teamIds: caller.teamIds, userId: caller.userId }), loadTenantPolicyFresh(db, a.tenantId)]);
  const entry = ctx.tools.find((x) => x.slug === a.tool.slug);
  if (!entry) return { voidReason: `${a.tool.slug} is no longer in the catalogue` };
  const access = resolveToolAccess(ctx, accessCaller(caller), entry);
  if (!access.enabled) return { voidReason: `${a.tool.slug} is no longer enabled for this agent (${access.reason || access.source})` };
  if (access.version !== a.toolVersion) return { voidReason: `${a.tool.slug} now serves version ${access.version}, not the approved version ${a.toolVersion}` };
  return { approval: a, caller, policy };
}

const EXECUTION_ACTOR: Actor = { kind: 'system', id: 'approvals', label: 'approval execution', tenantId: null, teamIds: [], roles: [], via: 'mcp', ip: null };

async function markVoid(db: PrismaClient, id: string, reason: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const row = await tx.approvalRequest.findUniqueOrThrow({ where: { id }, select: { tenantId: true, requestId: true, traceId: true, tool: { select: { slug: true } }, tenant: { select: { slug: true } } } });
    const r = await tx.approvalRequest.updateMany({ where: { id, status: 'approved' }, data: { status: 'void', statusReason: `Not executed: ${reason}.` } });
    if (r.count !== 1) return false;
    countApprovalEvent(row.tenant.slug, row.tool.slug, 'void');
    await writeAudit(tx, EXECUTION_ACTOR, {
      requestId: row.requestId, traceId: row.traceId, tenantId: row.tenantId, action: 'approval.voided', resourceType: 'approval', resourceId: id, toolSlug: row.tool.slug,
      outcome: 'denied', errorCode: 'APPROVAL_VOID', details: { approvalId: id, correlationId: row.requestId, reason },
    });
    return true;
  });
}

const resultOf = (text: string, isError: boolean, structured?: Record<string, unknown>): TToolCallResult => ({ isError, content: [{ type: 'text', text }], ...(structured ? { structuredContent: structured } : {}) });

/** Executes the approval if it is `approved` and nobody claimed it yet; otherwise does nothing. */
export async function runApproval(id: string, deps: { db?: PrismaClient } = {}): Promise<RunOutcome> {
  const db = deps.db ?? (await getDb());
  const loaded = await load(db, id);
  if (!loaded) return 'not_approved';
  if ('voidReason' in loaded) return (await markVoid(db, id, loaded.voidReason)) ? 'void' : 'not_approved';
  const outcome = await execute(db, id, loaded);
  if (outcome === 'executed' || outcome === 'failed') countApprovalEvent(loaded.caller.tenant.slug, loaded.approval.tool.slug, 'executed');
  return outcome;
}

async function execute(db: PrismaClient, id: string, loaded: Loaded): Promise<RunOutcome> {
  const { approval, caller, policy } = loaded;
  const slug = approval.tool.slug;
  // Any kind of tool, as the approved version defines it (served schema checked, built-ins typed by their contract).
  const loadedTool = await loadExecutable(db, approval.tool.id, approval.toolVersion);
  const choice = 'error' in loadedTool ? { ok: false as const, message: loadedTool.error } : executorForTool(loadedTool.tool);
  const served = 'error' in loadedTool ? null : loadedTool.tool;
  const contract = served?.kind === 'builtin' ? builtinTool(slug) : undefined;
  const executor = choice.ok ? choice.executor : undefined;
  const args = openArguments(approval.argumentsEnc, approval.argumentsHash);
  if (!executor || !served) return (await markVoid(db, id, choice.ok ? `${slug} has no executor on this server` : `${slug} cannot run: ${choice.message}`)) ? 'void' : 'not_approved';
  if (!args) return (await markVoid(db, id, 'the stored arguments no longer match what was approved')) ? 'void' : 'not_approved';

  const started = performance.now();
  const elapsed = () => performance.now() - started;
  const auditArgs = auditableArguments(args, 'full_redacted', policy);
  const base = { toolSlug: slug, toolVersion: approval.toolVersion, traceId: approval.traceId };
  const link = { approvalId: id, correlationId: approval.requestId, arguments: auditArgs };
  const record = await db.tool.findUniqueOrThrow({ where: { id: approval.tool.id }, select: { timeoutMs: true, maxOutputBytes: true, auditLevel: true } });
  const toolCtx = (dbc: ToolContext['db']): Omit<ToolContext, 'signal'> => ({
    db: dbc, tenant: caller.tenant, policy, requestId: approval.requestId, timeoutMs: record.timeoutMs, maxOutputBytes: record.maxOutputBytes,
    caller: { tokenId: caller.tokenId, tokenName: caller.tokenName, teamId: caller.teamId, userId: caller.userId },
    secret: (name) => getSecretValue(caller.tenant.id, slug, name),
  });
  const claim = (tx: Prisma.TransactionClient) => tx.approvalRequest.updateMany({ where: { id, status: 'approved' }, data: { status: 'executing', executionStartedAt: new Date() } });
  const finish = async (tx: Prisma.TransactionClient, from: 'approved' | 'executing', result: TToolCallResult, audit: Omit<CallAudit, 'toolSlug' | 'latencyMs'>) => {
    const r = await tx.approvalRequest.updateMany({ where: { id, status: from }, data: { status: 'executed', executedAt: new Date(), result: result as Prisma.InputJsonValue, statusReason: result.isError ? (result.content[0]?.text ?? null) : null } });
    if (r.count !== 1) return false;
    await auditCall({ tx }, caller, approval.requestId, { ...base, latencyMs: elapsed(), ...audit });
    return true;
  };
  const run = async (dbc: ToolContext['db']) => {
    const r = await executeWithTimeout(executor, toolCtx(dbc), args);
    const out = checkServedOutput(served, contract?.output, r.output, record.maxOutputBytes, policy.piiRules);
    if (!out.ok) throw new ToolRefusal('INVALID', out.message);
    const audit: Omit<CallAudit, 'toolSlug' | 'latencyMs'> = {
      outcome: 'success', outputBytes: out.bytes, costMicros: r.effects.costMicros ?? Math.round(elapsed() * DEFAULT_COST_MICROS_PER_MS),
      resourcesTouched: r.effects.resourcesTouched, details: { ...link, ...(record.auditLevel === 'full' ? { output: out.value } : {}), redactions: out.redactions },
    };
    return { result: resultOf(out.json, false, out.value), audit };
  };
  const failure = (e: unknown) => {
    const message = e instanceof ToolRefusal ? e.message : `${slug} failed with an internal error (request ${approval.requestId}).`;
    if (!(e instanceof ToolRefusal)) console.error(`[approvals] ${id}: ${slug} failed`, e);
    const audit: Omit<CallAudit, 'toolSlug' | 'latencyMs'> = { outcome: 'error', errorCode: e instanceof ToolRefusal ? e.code : 'INTERNAL', details: { ...link, reason: message } };
    return { result: resultOf(message, true), audit };
  };

  if (executor.effect === 'external') {
    // Recorded as executing (and dispatched) before the effect leaves; never retried automatically.
    const claimed = await db.$transaction(async (tx) => {
      if ((await claim(tx)).count !== 1) return false;
      await auditCall({ tx }, caller, approval.requestId, { ...base, action: 'tool.dispatched', outcome: 'success', latencyMs: 0, details: link });
      return true;
    });
    if (!claimed) return 'not_approved';
    let done: { result: TToolCallResult; audit: Omit<CallAudit, 'toolSlug' | 'latencyMs'> };
    try {
      done = await run(db);
    } catch (e) {
      done = failure(e);
    }
    await db.$transaction((tx) => finish(tx, 'executing', done.result, done.audit));
    return done.result.isError ? 'failed' : 'executed';
  }

  // No external effect: claim, effect, mark and audit in one transaction.
  try {
    const ok = await db.$transaction(async (tx) => {
      if ((await claim(tx)).count !== 1) return false;
      const done = await run(tx);
      return finish(tx, 'executing', done.result, done.audit);
    }, { timeout: record.timeoutMs + 5_000, maxWait: 5_000 });
    return ok ? 'executed' : 'not_approved';
  } catch (e) {
    // The tool refused or failed: its work rolled back; the approval is marked executed with the error, once.
    const done = failure(e);
    const marked = await db.$transaction((tx) => finish(tx, 'approved', done.result, done.audit));
    return marked ? 'failed' : 'not_approved';
  }
}
