import 'server-only';
// tools/call: the one pipeline every call passes, in this order —
// authenticate (done by http.ts) → resolve activation and scopes → validate arguments → rate limit and quota →
// approval gate → execute with timeout → validate output and redact PII → audit → metrics.
// Audit is fail-closed: reads are withheld when their record cannot be written; database writes run inside the
// record's transaction (rolled back with it); external effects are recorded before they happen.
import { ProtocolError, ProtocolErrorCode, type CallToolResult } from '@modelcontextprotocol/server';
import type pg from 'pg';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { redactPii } from '@/lib/pii';
import { builtinTool } from '@/lib/schemas/builtin-tools';
import { forComponent, forRequest } from '@/lib/server/logger';
import type { CallTrace } from '@/lib/server/telemetry';
import { getSecretValue } from '@/lib/services/secrets/get-secret-value';
import { executableOf, executorForTool } from '@/mcp-server/executors';
import { ToolRefusal, type ToolContext, type ToolResult } from '@/mcp-server/tools/types';
import { findApprovalForCaller, heldCallResult } from '@/mcp-server/approvals/agent-approvals';
import { announceHeldCall } from '@/mcp-server/approvals/notify-operators';
import { createApprovalRequest, approvalNeeded } from './approval-gate';
import { argumentsHash, claimIdempotencyKey, completeIdempotencyKey, invalidKeyMessage, releaseIdempotencyKey } from './idempotency';
import { auditableArguments, auditCall, AuditUnavailableError, type CallAudit } from './audit';
import type { McpCaller } from './authenticate';
import { eitherSignal, executeWithTimeout, startEarly } from './execute';
import { DEFAULT_COST_MICROS_PER_MS } from './metrics';
import { consumeRateLimits, farFromLimits, limitChecks, type RateDecision } from './rate-limit';
import { checkServedOutput } from './redact-output';
import { resolveCall, type ServedTool, type TenantRuntimePolicy } from './resolve-access';
import { validateServedInput } from './validate-input';

export interface CallContext {
  db: PrismaClient;
  /** Plain pool on the same database for the per-call audit insert and rate-limit upsert. */
  pool: pg.Pool;
  caller: McpCaller;
  requestId: string;
  /** Set when a limit refused the call: the HTTP layer adds a Retry-After header. */
  http: { retryAfterSeconds?: number };
  /** The request's Idempotency-Key header, if any (a call's `_meta.idempotencyKey` takes precedence). */
  idempotencyKey?: string;
  /** Aborted when the HTTP client goes away: the call's work stops and is recorded as cancelled. */
  signal?: AbortSignal;
  /** The caller's or this server's trace (lib/server/telemetry): its id goes in the audit, steps become spans. */
  trace?: CallTrace;
}

export interface CallOptions {
  /** The call was task-augmented (MCP tasks): a held call becomes a task the agent follows with tasks/*. */
  task?: { ttlMs?: number };
  idempotencyKey?: string;
}

const DENIAL_CODES = new Set(['EGRESS_DENIED', 'SCOPE_DENIED']);
const log = forComponent('mcp');

export function textResult(text: string, requestId: string, isError: boolean, extra: Partial<CallToolResult> = {}): CallToolResult {
  return { content: [{ type: 'text', text }], isError, ...extra, _meta: { requestId, ...extra._meta } };
}

/** Reports how far the call got (0–100) when the caller asked for progress; never fails the call. */
export type ProgressReporter = (progress: number, message: string) => Promise<void>;

/** A result as an idempotent repeat returns it (the tool's answer, without this call's _meta). */
const storedResult = (out: { value: Record<string, unknown>; json: string }) => ({ isError: false, content: [{ type: 'text' as const, text: out.json }], structuredContent: out.value });

/** The tool's output broke its contract or its size limit: refused, never returned. */
class OutputRejected extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

export async function callTool(ctx: CallContext, name: string, rawArgs: unknown, signal?: AbortSignal, progress?: ProgressReporter, opts: CallOptions = {}): Promise<CallToolResult> {
  const { db, pool, caller, requestId } = ctx;
  const callSignal = ctx.signal && signal ? eitherSignal(ctx.signal, signal) : (signal ?? ctx.signal);
  const report = progress && ((p: number, message: string) => progress(p, message).catch(() => undefined));
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  const trace = ctx.trace;
  trace?.step('resolve_access');
  const { resolved, policy } = await resolveCall(db, caller, name);

  // A tool the caller cannot see is answered exactly like an unknown one.
  if ('denied' in resolved) {
    trace?.step('audit');
    await auditCall({ pool }, caller, requestId, { outcome: 'denied', errorCode: 'UNKNOWN_TOOL', toolSlug: name.slice(0, 100), latencyMs: elapsed(), details: { reason: resolved.denied }, trace });
    throw new ProtocolError(ProtocolErrorCode.InvalidParams, `Unknown tool: ${name}`, { requestId });
  }
  const tool = resolved.tool;
  // The executor by kind; a built-in keeps its zod contract for typing, the served version's JSON Schema is checked.
  const contract = tool.kind === 'builtin' ? builtinTool(tool.slug) : undefined;
  const choice = tool.config ? executorForTool(executableOf(tool)) : { ok: false as const, message: `${tool.slug} has an invalid ${tool.kind} configuration (${tool.configError ?? 'missing'}).` };
  const executor = choice.ok ? choice.executor : undefined;
  const base = { toolSlug: tool.slug, toolVersion: tool.access.version, trace };
  const refuse = async (a: Omit<CallAudit, 'toolSlug' | 'latencyMs'>, message: string, extra?: Parameters<typeof textResult>[3]) => {
    trace?.step('audit');
    await auditCall({ pool }, caller, requestId, { ...base, latencyMs: elapsed(), ...a });
    return textResult(message, requestId, true, extra);
  };
  if (!choice.ok) {
    return refuse({ outcome: 'error', errorCode: 'NOT_EXECUTABLE', details: { kind: tool.kind, reason: choice.message } }, `${tool.slug} cannot be executed by this server: ${choice.message}`);
  }

  if (report) await report(10, `${tool.slug}: caller authorized`);
  // Arguments: schema and size.
  trace?.step('validate_input');
  const input = validateServedInput(tool, contract?.input, rawArgs, tool.record.maxInputBytes);
  if (!input.ok) return refuse({ outcome: 'denied', errorCode: input.code, inputBytes: input.bytes, details: { reason: input.message } }, input.message);
  const args = input.value as Record<string, unknown>;
  const auditArgs = auditableArguments(args, tool.record.auditLevel, policy);

  // Idempotency: a repeat of a keyed call answers what the first one got, without running again.
  const key = opts.idempotencyKey ?? ctx.idempotencyKey;
  let idem: string | null = null;
  if (key !== undefined) {
    trace?.step('idempotency');
    const invalid = invalidKeyMessage(key);
    if (invalid) return refuse({ outcome: 'denied', errorCode: 'INVALID_IDEMPOTENCY_KEY', inputBytes: input.bytes, details: { reason: invalid } }, invalid);
    const replay = await claimIdempotencyKey(db, caller.tokenId, key, tool.slug, argumentsHash(args));
    if (replay.kind === 'refused') return refuse({ outcome: 'denied', errorCode: 'IDEMPOTENCY_CONFLICT', inputBytes: input.bytes, details: { reason: replay.message } }, replay.message);
    if (replay.kind !== 'new') {
      await auditCall({ pool }, caller, requestId, { ...base, outcome: 'success', latencyMs: elapsed(), inputBytes: input.bytes, details: { idempotentReplay: true, ...(replay.kind === 'approval' ? { approvalId: replay.approvalId } : {}) } });
      if (replay.kind === 'result') return { ...replay.result, _meta: { requestId, idempotentReplay: true } };
      const held = await findApprovalForCaller(db, caller, replay.approvalId);
      if (held) {
        const answer = heldCallResult(held, requestId);
        return { ...answer, _meta: { ...answer._meta, idempotentReplay: true } };
      }
      return textResult(`The approval of the first call with idempotency key "${key}" is no longer visible to this token.`, requestId, true);
    }
    idem = replay.key;
  }
  let idemDone = false;
  try {
    return await proceed();
  } finally {
    if (idem && !idemDone) await releaseIdempotencyKey(db, caller.tokenId, idem);
  }

  async function proceed(): Promise<CallToolResult> {

    const toolCtx = (dbc: ToolContext['db']): Omit<ToolContext, 'signal'> => ({
      db: dbc, tenant: caller.tenant, policy, requestId, timeoutMs: tool.record.timeoutMs, maxOutputBytes: tool.record.maxOutputBytes,
      caller: { tokenId: caller.tokenId, tokenName: caller.tokenName, teamId: caller.teamId, userId: caller.userId },
      secret: (secretName) => getSecretValue(caller.tenant.id, tool.slug, secretName),
    });
    const needsApproval = approvalNeeded(tool, args);

    // Limits and quotas (exact across replicas). A read of the tenant's data in this database, far from every limit
    // it counts against, starts while its claim is being counted instead of after: the claim still decides, and the
    // read's result is released only if the call fits (otherwise the read is cancelled and nothing of it returned).
    // Near a limit the claim always comes first, so a limited caller never makes a tool run.
    trace?.step('rate_limit');
    const checks = limitChecks(caller, tool.access, new Date());
    const early = executor?.effect === 'none' && executor.internalRead && !report && !needsApproval && !idem && farFromLimits(pool, checks) ? startEarly(executor, toolCtx(db), args, callSignal) : null;
    let rate: RateDecision;
    try {
      rate = await consumeRateLimits(pool, checks);
    } catch (e) {
      early?.cancel();
      throw e;
    }
    if (!rate.ok) {
      early?.cancel();
      ctx.http.retryAfterSeconds = rate.retryAfterSeconds;
      const message = `Rate limit reached: ${rate.label}. Retry after ${rate.retryAfterSeconds} s.`;
      return refuse({ outcome: 'denied', errorCode: 'RATE_LIMITED', inputBytes: input.bytes, details: { reason: message, arguments: auditArgs, ...(early ? { earlyRead: 'cancelled' } : {}) } }, message, { _meta: { retryAfterSeconds: rate.retryAfterSeconds } });
    }

    if (report) await report(30, `${tool.slug}: arguments valid, within limits`);
    // Human approval for critical calls.
    if (needsApproval) {
      trace?.step('approval_gate');
      const approval = await db.$transaction(async (tx) => {
        const a = await createApprovalRequest(tx, { caller, tool, requestId, traceId: trace?.traceId, args, argsRedacted: auditArgs ?? {}, task: opts.task, idempotencyKey: idem ?? undefined });
        await auditCall({ tx }, caller, requestId, { ...base, outcome: 'pending_approval', errorCode: 'APPROVAL_REQUIRED', latencyMs: elapsed(), inputBytes: input.bytes, details: { approvalId: a.id, approvalsRequired: a.approvalsRequired, expiresAt: a.expiresAt.toISOString(), arguments: auditArgs } });
        if (idem) await completeIdempotencyKey(tx, caller.tokenId, idem, { approvalId: a.id });
        return a;
      });
      idemDone = true;
      announceHeldCall(db, caller, tool.slug, approval);
      return heldCallResult({ id: approval.id, status: 'pending', expiresAt: approval.expiresAt, approvalsRequired: approval.approvalsRequired, tool: { slug: tool.slug } }, requestId);
    }

    // Execute, check the output, redact, and record — consistently with the tool's kind of effect.
    if (!executor) {
      return refuse({ outcome: 'error', errorCode: 'NOT_EXECUTABLE', inputBytes: input.bytes, details: { kind: tool.kind } }, `${tool.slug} has no executor on this server (kind ${tool.kind}).`);
    }
    const success = (r: ToolResult<unknown>, out: { value: Record<string, unknown>; bytes: number; redactions: Record<string, number> }): CallAudit => ({
      ...base, outcome: 'success', latencyMs: elapsed(), inputBytes: input.bytes, outputBytes: out.bytes,
      costMicros: r.effects.costMicros ?? Math.round(elapsed() * DEFAULT_COST_MICROS_PER_MS),
      details: { arguments: auditArgs, ...(tool.record.auditLevel === 'full' ? { output: out.value } : {}), redactions: out.redactions },
      resourcesTouched: r.effects.resourcesTouched,
    });
    if (report) await report(50, `${tool.slug}: running`);
    try {
      let output: { value: Record<string, unknown>; json: string };
      if (executor.effect === 'db') {
        output = await db.$transaction(async (tx) => {
          trace?.step('execute');
          const r = await executeWithTimeout(executor, toolCtx(tx), args, callSignal);
          trace?.step('check_output');
          const out = checkServedOutput(tool, contract?.output, r.output, tool.record.maxOutputBytes, policy.piiRules);
          if (!out.ok) throw new OutputRejected(out.code, out.message);
          trace?.step('audit');
          await auditCall({ tx }, caller, requestId, success(r, out));
          if (idem) await completeIdempotencyKey(tx, caller.tokenId, idem, { result: storedResult(out) });
          return { value: out.value, json: out.json };
        }, { timeout: tool.record.timeoutMs + 5_000, maxWait: 5_000 });
      } else {
        if (executor.effect === 'external') {
          await auditCall({ pool }, caller, requestId, { ...base, action: 'tool.dispatched', outcome: 'success', latencyMs: elapsed(), inputBytes: input.bytes, details: { arguments: auditArgs } });
        }
        trace?.step('execute');
        const r = early ? await early.result : await executeWithTimeout(executor, toolCtx(db), args, callSignal);
        trace?.step('check_output');
        const out = checkServedOutput(tool, contract?.output, r.output, tool.record.maxOutputBytes, policy.piiRules);
        if (!out.ok) throw new OutputRejected(out.code, out.message);
        trace?.step('audit');
        try {
          await auditCall({ pool }, caller, requestId, success(r, out));
        } catch (e) {
          if (executor.effect === 'none') throw e; // a read whose record failed is withheld
          forRequest({ requestId, traceId: trace?.traceId, spanId: trace?.spanId }, log).error({ err: e, tool: tool.slug }, 'the tool ran (dispatch recorded) but its completion record failed');
        }
        output = { value: out.value, json: out.json };
        if (idem) await completeIdempotencyKey(db, caller.tokenId, idem, { result: storedResult(out) });
      }
      idemDone = true;
      if (report) await report(100, `${tool.slug}: done, audited`);
      return { content: [{ type: 'text', text: output.json }], structuredContent: output.value, isError: false, _meta: { requestId } };
    } catch (e) {
      if (e instanceof AuditUnavailableError) {
        trace?.outcome('error', 'AUDIT_UNAVAILABLE', ProtocolErrorCode.InternalError);
        forRequest({ requestId, traceId: trace?.traceId, spanId: trace?.spanId }, log).error({ err: e.cause, tool: tool.slug }, 'audit unavailable: the call was not carried out');
        throw new ProtocolError(ProtocolErrorCode.InternalError, e.message, { requestId });
      }
      if (e instanceof ToolRefusal || e instanceof OutputRejected) {
        // A refusal may quote what the caller sent (a database error repeats the query): it is redacted like an output.
        const message = redactPii(e.message, policy.piiRules).value as string;
        return refuse({ outcome: DENIAL_CODES.has(e.code) ? 'denied' : 'error', errorCode: e.code, inputBytes: input.bytes, details: { reason: message, arguments: auditArgs } }, message);
      }
      forRequest({ requestId, traceId: trace?.traceId, spanId: trace?.spanId }, log).error({ err: e, tool: tool.slug }, 'the tool failed with an internal error');
      return refuse({ outcome: 'error', errorCode: 'INTERNAL', inputBytes: input.bytes, details: { reason: 'internal error', arguments: auditArgs } }, `${tool.slug} failed with an internal error (request ${requestId}).`);
    }
  }
}

export type { ServedTool, TenantRuntimePolicy };
