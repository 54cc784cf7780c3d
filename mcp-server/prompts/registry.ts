import 'server-only';
// prompts/list and prompts/get over every provider, in a fixed order. To serve another source (e.g. federated
// upstream servers), implement PromptProvider (types.ts) and add it to `promptProviders` below.
import { ProtocolError, ProtocolErrorCode, type GetPromptResult, type ListPromptsResult } from '@modelcontextprotocol/server';
import type { CallContext } from '@/mcp-server/pipeline/call-tool';
import { auditAccess } from '@/mcp-server/resources/audit-access';
import { decodeCursor, encodeCursor } from '@/mcp-server/resources/cursor';
import { fixturePromptProvider } from './fixtures';
import { toolPromptProvider } from './tool-prompts-provider';
import { upstreamPromptProvider } from '@/mcp-server/upstream/federation';
import type { PromptProvider, ServedPrompt } from './types';

const PAGE_SIZE = 100;

export function promptProviders(opts: { fixtures: boolean }): PromptProvider[] {
  return [toolPromptProvider, upstreamPromptProvider, ...(opts.fixtures ? [fixturePromptProvider] : [])];
}

const served = new WeakMap<CallContext, Promise<ServedPrompt[]>>();

/** The caller's prompts, read once per request. */
export function servedPrompts(ctx: CallContext, providers: PromptProvider[]): Promise<ServedPrompt[]> {
  let p = served.get(ctx);
  if (!p) {
    p = Promise.all(providers.map((x) => x.list(ctx))).then((lists) => lists.flat());
    served.set(ctx, p);
  }
  return p;
}

export async function listPrompts(ctx: CallContext, providers: PromptProvider[], cursor: string | undefined): Promise<ListPromptsResult> {
  const pos = decodeCursor(cursor);
  const offset = pos ? Number(pos.cursor) : 0;
  if (pos && (pos.provider !== 'prompts' || !Number.isInteger(offset) || offset < 0)) throw new ProtocolError(ProtocolErrorCode.InvalidParams, 'Invalid cursor: pass the nextCursor of a previous prompts/list answer unchanged.');
  const all = await servedPrompts(ctx, providers);
  const page = all.slice(offset, offset + PAGE_SIZE).map((s) => s.prompt);
  return { prompts: page, ...(offset + PAGE_SIZE < all.length ? { nextCursor: encodeCursor({ provider: 'prompts', cursor: String(offset + PAGE_SIZE) }) } : {}) };
}

export async function getPrompt(ctx: CallContext, providers: PromptProvider[], name: string, args: Record<string, string>): Promise<GetPromptResult> {
  const started = performance.now();
  const found = (await servedPrompts(ctx, providers)).find((s) => s.prompt.name === name);
  if (!found) {
    await auditAccess(ctx, { action: 'prompt.retrieved', resourceType: 'prompt', resourceId: name, outcome: 'denied', errorCode: 'NOT_FOUND', latencyMs: performance.now() - started });
    throw new ProtocolError(ProtocolErrorCode.InvalidParams, `Unknown prompt: ${name}. prompts/list names the prompts you may use.`, { name });
  }
  const missing = (found.prompt.arguments ?? []).filter((a) => a.required && !(typeof args[a.name] === 'string' && args[a.name] !== ''));
  if (missing.length) {
    await auditAccess(ctx, { action: 'prompt.retrieved', ...found.audit, outcome: 'denied', errorCode: 'INVALID_PARAMS', latencyMs: performance.now() - started, details: { ...found.audit.details, missing: missing.map((a) => a.name) } });
    throw new ProtocolError(ProtocolErrorCode.InvalidParams, `Missing required argument${missing.length > 1 ? 's' : ''} of ${name}: ${missing.map((a) => a.name).join(', ')}.`, { missing: missing.map((a) => a.name) });
  }
  const result = await found.render(args);
  await auditAccess(ctx, { action: 'prompt.retrieved', ...found.audit, outcome: 'success', latencyMs: performance.now() - started, details: { ...found.audit.details, arguments: Object.keys(args) } });
  return result;
}

/** Completion values of a prompt argument (null: no such prompt for this caller). */
export async function completePromptArgument(ctx: CallContext, providers: PromptProvider[], name: string, argument: { name: string; value: string }, context: Record<string, string>): Promise<string[] | null> {
  const found = (await servedPrompts(ctx, providers)).find((s) => s.prompt.name === name);
  if (!found) return null;
  return found.complete ? found.complete(argument, context) : [];
}
