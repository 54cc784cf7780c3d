import 'server-only';
// One discovery of one upstream server (shared by "Discover" in the portal and the health check): reach it with
// our MCP client through the SSRF guard (trusted internal hosts apply), record its health (reachable + latency, or
// unreachable + why), apply what it offers to the catalogue (sync-upstream-tools.ts), all in one transaction with
// the audit record. An unreachable server changes nothing in the catalogue.
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Actor } from '@/lib/policy';
import type { TUpstreamDiscovery } from '@/lib/schemas/upstreams';
import { writeAudit } from '@/lib/server/audit';
import { getDb } from '@/lib/server/db/client';
import { newRequestId } from '@/lib/server/ids';
import { getSecretValue } from '@/lib/services/secrets/get-secret-value';
import { findTrustedPatterns } from '@/lib/services/trusted-hosts/find-trusted-patterns';
import { schemaProblem } from '@/mcp-server/executors/json-schema';
import { discoverRemote } from '@/mcp-server/upstream/discover';
import { upstreamSecretScope } from './shared';
import { syncUpstreamTools } from './sync-upstream-tools';

export interface DiscoveryTarget {
  id: string;
  name: string;
  namespace: string;
  url: string;
  tenantId: string | null;
  timeoutMs: number;
  secretName: string | null;
}

export type DiscoveryResult =
  | { ok: true; latencyMs: number; discovery: TUpstreamDiscovery }
  | { ok: false; error: string };

export async function runDiscovery(actor: Actor, s: DiscoveryTarget): Promise<DiscoveryResult> {
  const db = await getDb();
  // Platform-wide servers are discovered without a credential (each tenant's own credential is used for its calls).
  const credential = s.secretName && s.tenantId ? await getSecretValue(s.tenantId, upstreamSecretScope(s.namespace), s.secretName) : null;
  const trustedInternal = await findTrustedPatterns(s.tenantId);
  const before = await db.upstreamServer.findUnique({ where: { id: s.id }, select: { status: true } });
  // A person's discovery is always recorded; a scheduled check only when something changed (the state of the server,
  // or what it offers), so a periodic pass on every replica does not flood the audit with identical events.
  const scheduled = actor.kind === 'system';
  let offer: Awaited<ReturnType<typeof discoverRemote>>;
  try {
    offer = await discoverRemote({ url: s.url, label: s.namespace, timeoutMs: s.timeoutMs, credential, trustedInternal });
  } catch (e) {
    const error = (e instanceof Error ? e.message : String(e)).slice(0, 500);
    await db.$transaction(async (tx) => {
      await tx.upstreamServer.update({ where: { id: s.id }, data: { status: 'unreachable', lastCheckedAt: new Date(), latencyMs: null, lastError: error } });
      if (scheduled && before?.status === 'unreachable') return;
      await writeAudit(tx, actor, {
        requestId: newRequestId(), action: 'upstream.unreachable', resourceType: 'upstream_server', resourceId: s.id, tenantId: s.tenantId, outcome: 'error',
        errorCode: 'UPSTREAM_UNREACHABLE', details: { namespace: s.namespace, error }, resourcesTouched: [`upstream:${s.namespace}`],
      });
    });
    return { ok: false, error };
  }
  const discovery = await db.$transaction(async (tx) => {
    const tools = await syncUpstreamTools(tx, actor, s, offer.tools, schemaProblem);
    const discovery: TUpstreamDiscovery = { at: new Date().toISOString(), tools, resources: offer.resources.slice(0, 200), resourceTemplates: offer.resourceTemplates.slice(0, 200), prompts: offer.prompts.slice(0, 200) };
    await tx.upstreamServer.update({
      where: { id: s.id },
      data: { status: 'reachable', lastCheckedAt: new Date(), latencyMs: offer.latencyMs, lastError: null, discovery: discovery as Prisma.InputJsonValue },
    });
    const steady = (t: { outcome: string }) => t.outcome === 'unchanged' || t.outcome.startsWith('quarantined');
    if (scheduled && before?.status === 'reachable' && tools.every(steady)) return discovery;
    await writeAudit(tx, actor, {
      requestId: newRequestId(), action: 'upstream.discovered', resourceType: 'upstream_server', resourceId: s.id, tenantId: s.tenantId, latencyMs: offer.latencyMs,
      details: { namespace: s.namespace, tools: tools.length, changed: tools.filter((t) => t.outcome.startsWith('changed')).length, resources: offer.resources.length, prompts: offer.prompts.length },
      resourcesTouched: [`upstream:${s.namespace}`],
    });
    return discovery;
  }, { timeout: 30_000, maxWait: 10_000 });
  return { ok: true, latencyMs: offer.latencyMs, discovery };
}
