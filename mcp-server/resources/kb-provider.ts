import 'server-only';
// The tenant's knowledge-base articles as MCP resources: kb://articles/{id}, Markdown.
// Activation rule: the knowledge base is readable as resources exactly when the caller may call kb_search (same
// activation, rollout, kill switches, pins and token scopes), since both read the same articles. Only the caller's
// tenant's articles exist for it: another tenant's id is answered like an unknown one.
import { UriTemplate, type Resource, type ResourceTemplateType as ResourceTemplate } from '@modelcontextprotocol/server';
import type { CallContext } from '@/mcp-server/pipeline/call-tool';
import { resolveCall } from '@/mcp-server/pipeline/resolve-access';
import type { ResourcePage, ResourceProvider, ResourceRead } from './types';

export const KB_TOOL_SLUG = 'kb_search';
export const KB_TEMPLATE = 'kb://articles/{id}';
const template = new UriTemplate(KB_TEMPLATE);
const PAGE_SIZE = 50;
const MIME = 'text/markdown';

const availability = new WeakMap<CallContext, Promise<boolean>>();

function excerpt(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length > 160 ? `${flat.slice(0, 157)}…` : flat;
}

function asResource(a: { id: string; title: string; body: string; tags: string[]; updatedAt: Date }): Resource {
  return {
    uri: template.expand({ id: a.id }), name: a.title, title: a.title,
    description: excerpt(a.body) || `Knowledge-base article ${a.id}`, mimeType: MIME,
    annotations: { lastModified: a.updatedAt.toISOString() },
  };
}

export const kbResourceProvider: ResourceProvider = {
  id: 'kb',
  available(ctx) {
    let p = availability.get(ctx);
    if (!p) {
      p = resolveCall(ctx.db, ctx.caller, KB_TOOL_SLUG).then(({ resolved }) => 'tool' in resolved);
      availability.set(ctx, p);
    }
    return p;
  },
  async list(ctx, cursor): Promise<ResourcePage> {
    const rows = await ctx.db.kbArticle.findMany({
      where: { tenantId: ctx.caller.tenant.id, ...(cursor ? { id: { gt: cursor } } : {}) },
      select: { id: true, title: true, body: true, tags: true, updatedAt: true },
      orderBy: { id: 'asc' }, take: PAGE_SIZE + 1,
    });
    const page = rows.slice(0, PAGE_SIZE);
    return { resources: page.map(asResource), ...(rows.length > PAGE_SIZE ? { nextCursor: page.at(-1)!.id } : {}) };
  },
  async templates(): Promise<ResourceTemplate[]> {
    return [{
      uriTemplate: KB_TEMPLATE, name: 'kb-article', title: 'Knowledge-base article',
      description: 'One article of your organisation\'s knowledge base, as Markdown. Complete {id} by typing part of its title or id.', mimeType: MIME,
    }];
  },
  async read(ctx, uri): Promise<ResourceRead | null> {
    const id = template.match(uri)?.id;
    if (typeof id !== 'string' || !id || id.length > 100) return null;
    const a = await ctx.db.kbArticle.findFirst({ where: { id, tenantId: ctx.caller.tenant.id }, select: { id: true, title: true, body: true, tags: true, updatedAt: true } });
    if (!a) return null;
    const tags = a.tags.length ? `\n\nTags: ${a.tags.join(', ')}` : '';
    return {
      result: { contents: [{ uri, mimeType: MIME, text: `# ${a.title}\n\n${a.body}${tags}` }] },
      audit: { resourceType: 'kb_article', resourceId: a.id, toolSlug: KB_TOOL_SLUG },
    };
  },
  async complete(ctx, uriTemplate, argument) {
    if (uriTemplate !== KB_TEMPLATE) return null;
    if (argument.name !== 'id') return [];
    const v = argument.value.trim().slice(0, 100);
    const rows = await ctx.db.kbArticle.findMany({
      where: { tenantId: ctx.caller.tenant.id, ...(v ? { OR: [{ id: { startsWith: v } }, { title: { contains: v, mode: 'insensitive' } }] } : {}) },
      select: { id: true }, orderBy: [{ title: 'asc' }, { id: 'asc' }], take: 100,
    });
    return rows.map((r) => r.id);
  },
};
