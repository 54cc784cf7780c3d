import 'server-only';
// resources/list, resources/templates/list and resources/read over every provider the caller may use, in a fixed
// order. To serve another source (e.g. federated upstream servers), implement ResourceProvider (types.ts) and add it
// to `resourceProviders` below; pagination, audit, not-found answers and completion follow.
import { ProtocolError, ProtocolErrorCode, type ListResourcesResult, type ListResourceTemplatesResult, type ReadResourceResult } from '@modelcontextprotocol/server';
import type { CallContext } from '@/mcp-server/pipeline/call-tool';
import { auditAccess } from './audit-access';
import { decodeCursor, encodeCursor } from './cursor';
import { fixtureResourceProvider } from './fixtures';
import { kbResourceProvider } from './kb-provider';
import { upstreamResourceProvider } from '@/mcp-server/upstream/federation';
import type { ResourceProvider } from './types';

export function resourceProviders(opts: { fixtures: boolean }): ResourceProvider[] {
  return [kbResourceProvider, upstreamResourceProvider, ...(opts.fixtures ? [fixtureResourceProvider] : [])];
}

async function availableFrom(ctx: CallContext, providers: ResourceProvider[], start: number): Promise<number> {
  for (let i = start; i < providers.length; i++) if (await providers[i]!.available(ctx)) return i;
  return -1;
}

export async function listResources(ctx: CallContext, providers: ResourceProvider[], cursor: string | undefined): Promise<ListResourcesResult> {
  const pos = decodeCursor(cursor);
  let i = pos ? providers.findIndex((p) => p.id === pos.provider) : 0;
  if (i < 0) throw new ProtocolError(ProtocolErrorCode.InvalidParams, 'Invalid cursor: it names a source this server no longer offers; list again from the first page.');
  let providerCursor = pos?.cursor;
  for (;;) {
    i = await availableFrom(ctx, providers, i);
    if (i < 0) return { resources: [] };
    const provider = providers[i]!;
    const page = await provider.list(ctx, providerCursor);
    if (page.nextCursor !== undefined) return { resources: page.resources, nextCursor: encodeCursor({ provider: provider.id, cursor: page.nextCursor }) };
    const next = await availableFrom(ctx, providers, i + 1);
    if (page.resources.length > 0 || next < 0) return { resources: page.resources, ...(next >= 0 ? { nextCursor: encodeCursor({ provider: providers[next]!.id }) } : {}) };
    i = next;
    providerCursor = undefined;
  }
}

export async function listResourceTemplates(ctx: CallContext, providers: ResourceProvider[]): Promise<ListResourceTemplatesResult> {
  const lists = await Promise.all(providers.map(async (p) => ((await p.available(ctx)) ? p.templates(ctx) : [])));
  return { resourceTemplates: lists.flat() };
}

export async function readResource(ctx: CallContext, providers: ResourceProvider[], uri: string): Promise<ReadResourceResult> {
  const started = performance.now();
  for (const p of providers) {
    if (!(await p.available(ctx))) continue;
    const read = await p.read(ctx, uri);
    if (!read) continue;
    await auditAccess(ctx, { action: 'resource.read', outcome: 'success', latencyMs: performance.now() - started, ...read.audit, details: { uri, ...read.audit.details } });
    return read.result;
  }
  // Unknown, not visible to this caller (another tenant's, knowledge base not enabled): one answer for all.
  await auditAccess(ctx, { action: 'resource.read', resourceType: 'resource', resourceId: uri, outcome: 'denied', errorCode: 'NOT_FOUND', latencyMs: performance.now() - started, details: { uri } });
  throw new ProtocolError(ProtocolErrorCode.InvalidParams, `Resource not found: ${uri}`, { uri });
}

/** Completion values of a resource template variable, from the provider that owns the template. */
export async function completeResourceTemplate(ctx: CallContext, providers: ResourceProvider[], uriTemplate: string, argument: { name: string; value: string }, context: Record<string, string>): Promise<string[] | null> {
  for (const p of providers) {
    if (!p.complete || !(await p.available(ctx))) continue;
    const values = await p.complete(ctx, uriTemplate, argument, context);
    if (values) return values;
  }
  return null;
}
