import 'server-only';
// Upstream servers' resources and prompts, federated like their tools. A caller sees an upstream server's resources
// and prompts when at least one of its tools is served to them (activation, rollout, kill switches, pins, scopes,
// not quarantined) and the server serves their tenant. What is offered is what the last discovery (or health check)
// found; reads and prompt renders are forwarded live by our MCP client with the upstream's own credential.
// Resource URIs are ours: `mcp-upstream://<namespace>/<encoded upstream URI>`; prompts are `<namespace>.<name>`. An
// upstream resource template becomes ours by the same rule (its literal text encoded, its {expressions} kept), and a
// read is forwarded only for a URI one of the server's discovered templates matches.
import { ProtocolError, ProtocolErrorCode, UriTemplate, type GetPromptResult, type Resource } from '@modelcontextprotocol/server';
import { getUpstreamForCall, missingCredential, type UpstreamForCall } from '@/lib/services/upstreams/get-upstream-for-call';
import { findTrustedPatterns } from '@/lib/services/trusted-hosts/find-trusted-patterns';
import type { CallContext } from '@/mcp-server/pipeline/call-tool';
import { listServedTools } from '@/mcp-server/pipeline/resolve-access';
import type { PromptProvider, ServedPrompt } from '@/mcp-server/prompts/types';
import type { ResourceProvider } from '@/mcp-server/resources/types';
import { ToolRefusal } from '@/mcp-server/tools/types';
import { withUpstreamClient, type UpstreamTarget } from './client';

const PAGE = 100;
const SCHEME = 'mcp-upstream://';

export const federatedUri = (namespace: string, uri: string) => `${SCHEME}${namespace}/${encodeURIComponent(uri)}`;

/**
 * An upstream URI template as ours: the literal text encoded like a federated URI, each RFC 6570 expression kept, so
 * a value the client expands into it comes back, decoded, as the upstream URI the upstream template gives.
 */
export const federatedTemplate = (namespace: string, uriTemplate: string) =>
  `${SCHEME}${namespace}/${uriTemplate.split(/(\{[^}]*\})/).map((part) => (part.startsWith('{') ? part : encodeURIComponent(part))).join('')}`;

const decoded = (v: string) => {
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
};

/**
 * The upstream URI a client's expansion of one of our templates stands for: the variables our template matches,
 * expanded into the upstream's own template (so a value's encoding round-trips). Null when no template matches (a
 * template that does not parse matches nothing).
 */
function remoteFromTemplates(namespace: string, templates: { uriTemplate: string }[], uri: string): string | null {
  for (const t of templates) {
    try {
      const vars = new UriTemplate(federatedTemplate(namespace, t.uriTemplate)).match(uri);
      // Matched values are as they appear in the URI (percent-encoded); expanding encodes them again.
      if (vars) return new UriTemplate(t.uriTemplate).expand(Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, Array.isArray(v) ? v.map(decoded) : decoded(v)])));
    } catch {
      // not a template we can serve
    }
  }
  return null;
}

function parseFederatedUri(uri: string): { namespace: string; remote: string } | null {
  if (!uri.startsWith(SCHEME)) return null;
  const rest = uri.slice(SCHEME.length);
  const slash = rest.indexOf('/');
  if (slash <= 0) return null;
  try {
    return { namespace: rest.slice(0, slash), remote: decodeURIComponent(rest.slice(slash + 1)) };
  } catch {
    return null;
  }
}

const perRequest = new WeakMap<CallContext, Promise<UpstreamForCall[]>>();

/** The upstream servers whose tools this caller is served, read once per request. */
function accessibleUpstreams(ctx: CallContext): Promise<UpstreamForCall[]> {
  let p = perRequest.get(ctx);
  if (!p) {
    p = (async () => {
      const tools = await listServedTools(ctx.db, ctx.caller);
      const ids = [...new Set(tools.flatMap((t) => (t.config?.kind === 'upstream_mcp' ? [t.config.upstreamServerId] : [])))];
      const servers = await Promise.all(ids.map((id) => getUpstreamForCall(id, ctx.caller.tenant.id)));
      return servers.filter((s): s is UpstreamForCall => s !== null).sort((a, b) => a.namespace.localeCompare(b.namespace));
    })();
    perRequest.set(ctx, p);
  }
  return p;
}

async function target(ctx: CallContext, s: UpstreamForCall): Promise<UpstreamTarget> {
  // Like a tool call (mcp-server/executors/upstream-mcp.ts): no credential, no request to the upstream.
  const missing = missingCredential(s);
  if (missing) throw new ProtocolError(ProtocolErrorCode.InvalidRequest, `${missing[0]!.toUpperCase()}${missing.slice(1)}`);
  return { url: s.url, label: s.namespace, timeoutMs: s.timeoutMs, credential: s.credential, trustedInternal: await findTrustedPatterns(ctx.caller.tenant.id) };
}

/** An upstream failure as the agent reads it (a JSON-RPC error naming the server and why). */
function forwarded(e: unknown): ProtocolError {
  if (e instanceof ProtocolError) return e;
  return new ProtocolError(ProtocolErrorCode.InternalError, e instanceof ToolRefusal ? e.message : 'The upstream server failed.');
}

export const upstreamResourceProvider: ResourceProvider = {
  id: 'upstream',
  async available(ctx) {
    return (await accessibleUpstreams(ctx)).some((s) => s.discovery.resources.length > 0 || s.discovery.resourceTemplates.length > 0);
  },
  async list(ctx, cursor) {
    const all: Resource[] = (await accessibleUpstreams(ctx)).flatMap((s) =>
      s.discovery.resources.map((r) => ({ uri: federatedUri(s.namespace, r.uri), name: `${s.namespace}.${r.name}`, description: `From ${s.name}`, ...(r.mimeType ? { mimeType: r.mimeType } : {}) })),
    );
    const offset = cursor && /^\d+$/.test(cursor) ? Number(cursor) : 0;
    return { resources: all.slice(offset, offset + PAGE), ...(offset + PAGE < all.length ? { nextCursor: String(offset + PAGE) } : {}) };
  },
  async templates(ctx) {
    return (await accessibleUpstreams(ctx)).flatMap((s) =>
      s.discovery.resourceTemplates.map((t) => ({
        uriTemplate: federatedTemplate(s.namespace, t.uriTemplate), name: `${s.namespace}.${t.name}`,
        description: t.description ? `${t.description} (from ${s.name})` : `From ${s.name}`, ...(t.mimeType ? { mimeType: t.mimeType } : {}),
      })),
    );
  },
  async read(ctx, uri) {
    const parsed = parseFederatedUri(uri);
    if (!parsed) return null;
    const s = (await accessibleUpstreams(ctx)).find((x) => x.namespace === parsed.namespace);
    if (!s) return null;
    // Only what discovery found (and the caller may see) is forwarded: anything else is answered like an unknown URI.
    const remote = s.discovery.resources.some((r) => r.uri === parsed.remote) ? parsed.remote : remoteFromTemplates(s.namespace, s.discovery.resourceTemplates, uri);
    if (remote === null) return null;
    const t = await target(ctx, s);
    const result = await withUpstreamClient(t, ctx.signal, (client, signal) => client.readResource({ uri: remote }, { signal, timeout: t.timeoutMs })).catch((e: unknown) => {
      throw forwarded(e);
    });
    return {
      result: { ...result, contents: result.contents.map((c) => ({ ...c, uri: c.uri === remote ? uri : federatedUri(s.namespace, c.uri) })) },
      audit: { resourceType: 'upstream_resource', resourceId: uri, details: { upstream: s.namespace, remoteUri: remote } },
    };
  },
};

export const upstreamPromptProvider: PromptProvider = {
  id: 'upstream',
  async list(ctx) {
    const servers = await accessibleUpstreams(ctx);
    return servers.flatMap((s) =>
      s.discovery.prompts.map((p): ServedPrompt => ({
        prompt: { name: `${s.namespace}.${p.name}`, description: p.description, arguments: p.arguments },
        render: async (args): Promise<GetPromptResult> => {
          const t = await target(ctx, s);
          return withUpstreamClient(t, ctx.signal, (client, signal) => client.getPrompt({ name: p.name, arguments: args }, { signal, timeout: t.timeoutMs })).catch((e: unknown) => {
            throw forwarded(e);
          });
        },
        audit: { resourceType: 'upstream_prompt', resourceId: `${s.namespace}.${p.name}`, details: { upstream: s.namespace, remoteName: p.name } },
      })),
    );
  },
};
