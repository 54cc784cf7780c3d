import 'server-only';
// What a discovery found, applied to the catalogue in one transaction with its audit records:
// - a new remote tool becomes a candidate `<namespace>.<remote_name>` (kind upstream_mcp, version 1 in review);
// - a known tool whose definition (description, schemas, annotations) hashes differently than what was last seen
//   gets a new version in review, and while it has a served version it is quarantined (not listed, not callable)
//   until that version is approved; its owner and the reviewers are notified (rug-pull defence);
// - a definition back to the one served lifts the quarantine (nothing new to review).
// Versions still in review that the upstream no longer serves are rejected (never superseded: that would make them
// pinnable although nobody reviewed them).
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Actor } from '@/lib/policy';
import { ZToolConfig, type TUpstreamToolConfig } from '@/lib/schemas/tool-config';
import type { TUpstreamDiscovery } from '@/lib/schemas/upstreams';
import { writeAudit } from '@/lib/server/audit';
import { newRequestId } from '@/lib/server/ids';
import { createNotifications, reviewerIds } from '@/lib/services/notifications/create-notifications';
import { definitionHash, type ToolDefinitionView } from '@/lib/tool-definition';
import { upstreamToolSlug } from './shared';

export interface RemoteTool {
  name: string;
  title?: string;
  description?: string;
  inputSchema: Record<string, unknown>;
  outputSchema?: Record<string, unknown>;
  annotations?: Record<string, unknown>;
}

export interface SyncServer {
  id: string;
  name: string;
  namespace: string;
  tenantId: string | null;
  timeoutMs: number;
}

const REMOTE_NAME = /^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,63}$/;

/** What agents will see of a remote tool, under our name: the hash covers all of it. */
export function remoteView(namespace: string, t: RemoteTool): ToolDefinitionView {
  const annotations: Record<string, unknown> = { ...(t.annotations ?? {}) };
  if (t.title && annotations.title === undefined) annotations.title = t.title;
  return {
    name: upstreamToolSlug(namespace, t.name),
    description: t.description ?? '',
    inputSchema: t.inputSchema,
    outputSchema: t.outputSchema ?? null,
    annotations,
  };
}

type Outcome = TUpstreamDiscovery['tools'][number];

export async function syncUpstreamTools(
  tx: Prisma.TransactionClient, actor: Actor, server: SyncServer, remote: RemoteTool[], schemaProblem: (s: Record<string, unknown>) => string | null,
): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  const reviewers = await reviewerIds(tx);
  for (const t of remote) {
    if (!REMOTE_NAME.test(t.name)) {
      outcomes.push({ name: t.name.slice(0, 100), slug: null, outcome: 'skipped: the name is not a valid tool name' });
      continue;
    }
    const view = remoteView(server.namespace, t);
    const problem = schemaProblem(view.inputSchema) ?? (view.outputSchema ? schemaProblem(view.outputSchema) : null);
    if (problem) {
      outcomes.push({ name: t.name, slug: view.name, outcome: `skipped: invalid JSON Schema (${problem.slice(0, 200)})` });
      continue;
    }
    const hash = definitionHash(view);
    const existing = await tx.tool.findUnique({ where: { slug: view.name }, include: { versions: { orderBy: { version: 'desc' } } } });
    if (!existing) {
      await createCandidate(tx, actor, server, t, view, hash);
      outcomes.push({ name: t.name, slug: view.name, outcome: 'new candidate in review' });
      continue;
    }
    const parsed = ZToolConfig.safeParse(existing.config);
    if (existing.kind !== 'upstream_mcp' || existing.upstreamServerId !== server.id || !parsed.success || parsed.data.kind !== 'upstream_mcp') {
      outcomes.push({ name: t.name, slug: view.name, outcome: 'skipped: another catalogue tool already has this name' });
      continue;
    }
    const config = parsed.data;
    if (config.remoteHash === hash) {
      outcomes.push({ name: t.name, slug: view.name, outcome: config.quarantined ? 'quarantined, awaiting review' : 'unchanged' });
      continue;
    }
    const served = existing.versions.find((v) => v.version === existing.servedVersion && (v.status === 'approved' || v.status === 'superseded'));
    const hasServed = existing.lifecycle === 'published' && served !== undefined;
    if (served && served.definitionHash === hash) {
      // The upstream went back to the definition we serve: nothing new to review.
      await tx.toolVersion.updateMany({ where: { toolId: existing.id, status: 'in_review' }, data: { status: 'rejected' } });
      await saveConfig(tx, existing.id, { ...config, remoteHash: hash, quarantined: undefined });
      await audit(tx, actor, server, 'tool.quarantine_lifted', existing.slug, served.version, { reason: 'the upstream serves the approved definition again', definitionHash: hash });
      outcomes.push({ name: t.name, slug: view.name, outcome: 'restored to the served definition' });
      continue;
    }
    const next = (existing.versions[0]?.version ?? 0) + 1;
    await tx.toolVersion.updateMany({ where: { toolId: existing.id, status: 'in_review' }, data: { status: 'rejected' } });
    await tx.toolVersion.create({
      data: {
        toolId: existing.id, version: next, status: 'in_review', name: view.name, description: view.description, inputSchema: view.inputSchema as Prisma.InputJsonValue,
        outputSchema: (view.outputSchema ?? undefined) as Prisma.InputJsonValue | undefined, annotations: view.annotations as Prisma.InputJsonValue, definitionHash: hash,
        changeNote: `The upstream server ${server.name} changed this tool's definition (found by discovery).`,
      },
    });
    const quarantined = hasServed ? { since: new Date().toISOString(), newHash: hash, version: next } : undefined;
    await saveConfig(tx, existing.id, { ...config, remoteHash: hash, quarantined });
    if (hasServed) {
      const recipients = [...(existing.ownerUserId ? [existing.ownerUserId] : []), ...reviewers];
      await createNotifications(tx, recipients, {
        kind: 'tool.quarantined', title: `Quarantined: ${existing.slug} changed upstream`,
        body: `The upstream server ${server.name} now serves a different definition of ${t.name}. The tool is hidden from agents until version ${next} is reviewed.`,
        href: (userId) => (reviewers.includes(userId) ? '/reviews' : `/catalogue/${existing.slug}`),
      });
      await audit(tx, actor, server, 'tool.quarantined', existing.slug, next, { previousHash: config.remoteHash ?? null, definitionHash: hash, servedVersion: existing.servedVersion });
    }
    outcomes.push({ name: t.name, slug: view.name, outcome: hasServed ? `changed: quarantined, version ${next} in review` : `changed: version ${next} in review` });
  }
  const seen = new Set(remote.map((t) => t.name));
  const gone = await tx.tool.findMany({ where: { upstreamServerId: server.id, kind: 'upstream_mcp' }, select: { slug: true, config: true } });
  for (const g of gone) {
    const c = ZToolConfig.safeParse(g.config);
    if (c.success && c.data.kind === 'upstream_mcp' && !seen.has(c.data.remoteName)) outcomes.push({ name: c.data.remoteName, slug: g.slug, outcome: 'no longer offered by the upstream server' });
  }
  return outcomes;
}

async function createCandidate(tx: Prisma.TransactionClient, actor: Actor, server: SyncServer, t: RemoteTool, view: ToolDefinitionView, hash: string) {
  const a = view.annotations;
  const config: TUpstreamToolConfig = { kind: 'upstream_mcp', upstreamServerId: server.id, remoteName: t.name, remoteHash: hash };
  const tool = await tx.tool.create({
    data: {
      slug: view.name, title: (typeof a.title === 'string' && a.title.trim()) || t.name, description: view.description || `${t.name} from ${server.name}`,
      category: 'upstream', kind: 'upstream_mcp', lifecycle: 'in_review', ownerTeam: server.name, ownerUserId: actor.kind === 'user' ? actor.id : null,
      riskLevel: a.destructiveHint === true ? 'high' : 'medium', dataClassification: 'internal', dataRead: [], dataWritten: [], requiredScopes: [],
      timeoutMs: server.timeoutMs, readOnly: a.readOnlyHint === true, destructive: a.destructiveHint === true, idempotent: a.idempotentHint === true,
      openWorld: a.openWorldHint !== false, tags: ['upstream', server.namespace], config: config as Prisma.InputJsonValue, upstreamServerId: server.id, servedVersion: 1,
      versions: {
        create: {
          version: 1, status: 'in_review', name: view.name, description: view.description, inputSchema: view.inputSchema as Prisma.InputJsonValue,
          outputSchema: (view.outputSchema ?? undefined) as Prisma.InputJsonValue | undefined, annotations: a as Prisma.InputJsonValue, definitionHash: hash,
          changeNote: `Discovered on the upstream server ${server.name}.`, authorId: actor.kind === 'user' ? actor.id : null,
        },
      },
    },
    select: { id: true },
  });
  await createNotifications(tx, await reviewerIds(tx), { kind: 'tool_version.in_review', title: `${view.name} v1 needs a review`, body: `Discovered on the upstream server ${server.name}.`, href: () => '/reviews' }, actor.id);
  await audit(tx, actor, server, 'tool.discovered', view.name, 1, { toolId: tool.id, remoteName: t.name, definitionHash: hash });
}

function saveConfig(tx: Prisma.TransactionClient, toolId: string, config: TUpstreamToolConfig) {
  const clean = JSON.parse(JSON.stringify(config)) as Prisma.InputJsonValue; // drops undefined (a lifted quarantine)
  return tx.tool.update({ where: { id: toolId }, data: { config: clean } });
}

function audit(tx: Prisma.TransactionClient, actor: Actor, server: SyncServer, action: string, slug: string, version: number, details: Record<string, unknown>) {
  return writeAudit(tx, actor, {
    requestId: newRequestId(), action, resourceType: 'tool', resourceId: slug, toolSlug: slug, toolVersion: version, tenantId: server.tenantId,
    details: { upstreamServerId: server.id, namespace: server.namespace, ...details } as Prisma.InputJsonValue, resourcesTouched: [`upstream:${server.namespace}`],
  });
}
