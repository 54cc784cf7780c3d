// MCP resources, prompts and completion through the SDK's real client, in both protocol eras: the knowledge base
// follows kb_search's activation, other tenants' articles are unknown, tool prompts follow the tool's activation,
// every read is audited.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProtocolError, type Client } from '@modelcontextprotocol/client';
import { getDb } from '@/lib/server/db/client';
import { actorFor } from '@/lib/testing/actors';
import { createFreshTenant, createFreshTool } from '@/lib/testing/fresh-tenant';
import { connect as connectIn, ERAS, tokenFor, type Era } from '@/lib/testing/mcp';
import { saveToolPrompt } from '@/lib/services/prompts/save-tool-prompt';
import { deleteToolPrompt } from '@/lib/services/prompts/delete-tool-prompt';
import { encodeCursor } from './cursor';

const errorOf = async (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as ProtocolError);

let acme: { token: string };
let globexArticle: { id: string };
let acmeArticles: { id: string; title: string }[];
let fresh: { tenantId: string; slug: string; token: string; noKbToken: string; toolSlug: string; otherToken: string };

beforeAll(async () => {
  const db = await getDb();
  acme = await tokenFor('acme', { name: 'resources-acme' });
  const [acmeT, globexT] = await Promise.all([db.tenant.findUniqueOrThrow({ where: { slug: 'acme' } }), db.tenant.findUniqueOrThrow({ where: { slug: 'globex' } })]);
  acmeArticles = await db.kbArticle.findMany({ where: { tenantId: acmeT.id }, select: { id: true, title: true }, orderBy: { id: 'asc' } });
  globexArticle = await db.kbArticle.findFirstOrThrow({ where: { tenantId: globexT.id }, select: { id: true } });

  // A tenant of its own with 120 articles, kb_search and a fresh tool enabled, and another tenant with neither.
  const t = await createFreshTenant('res');
  const kb = await db.tool.findUniqueOrThrow({ where: { slug: 'kb_search' }, select: { id: true } });
  const tool = await createFreshTool();
  for (const toolId of [kb.id, tool.id]) await db.toolActivation.create({ data: { tenantId: t.tenant.id, toolId, scope: 'tenant', scopeKey: 'tenant', enabled: true } });
  await db.kbArticle.createMany({ data: Array.from({ length: 120 }, (_, i) => ({ tenantId: t.tenant.id, title: `Article ${String(i).padStart(3, '0')} ${randomBytes(2).toString('hex')}`, body: `Body ${i}`, tags: ['it'] })) });
  const other = await createFreshTenant('res-other');
  fresh = {
    tenantId: t.tenant.id, slug: t.tenant.slug, toolSlug: tool.slug,
    token: (await tokenFor(t.tenant.slug)).token,
    noKbToken: (await tokenFor(t.tenant.slug, { scopes: [tool.slug] })).token,
    otherToken: (await tokenFor(other.tenant.slug)).token,
  };
  const admin = await actorFor('admin@example.com');
  await saveToolPrompt({
    actor: admin, slug: tool.slug, name: 'triage', title: 'Triage a ticket', description: 'How to use the tool to triage one ticket.',
    arguments: [{ name: 'ticket', description: 'Ticket number', required: true }, { name: 'tone', description: '', required: false }],
    template: 'Triage ticket {{ticket}} in a {{tone}} tone.',
  });
});

describe.each(ERAS)('%s protocol era', (era: Era) => {
  const clients: Client[] = [];
  const connect = async (token: string) => {
    const c = await connectIn(token, { era });
    clients.push(c);
    return c;
  };
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
  });

  it('advertises resources, prompts and completions without subscriptions', async () => {
    const c = await connect(acme.token);
    expect(c.getServerCapabilities()).toMatchObject({ resources: { subscribe: false, listChanged: false }, prompts: { listChanged: false }, completions: {} });
  });

  it("lists and reads exactly the caller's tenant's articles, and audits the read", async () => {
    const c = await connect(acme.token);
    const { resources } = await c.listResources();
    const kb = resources.filter((r) => r.uri.startsWith('kb://articles/'));
    expect(kb.map((r) => r.uri).sort()).toEqual(acmeArticles.map((a) => `kb://articles/${a.id}`).sort());
    const first = acmeArticles[0]!;
    const read = await c.readResource({ uri: `kb://articles/${first.id}` });
    expect(read.contents[0]).toMatchObject({ uri: `kb://articles/${first.id}`, mimeType: 'text/markdown' });
    expect((read.contents[0] as { text: string }).text).toContain(`# ${first.title}`);
    const requestId = (read._meta as { requestId: string }).requestId;
    const row = await (await getDb()).auditEvent.findFirstOrThrow({ where: { requestId } });
    expect(row).toMatchObject({ action: 'resource.read', resourceType: 'kb_article', resourceId: first.id, toolSlug: 'kb_search', outcome: 'success', resourcesTouched: [`kb_article:${first.id}`] });
  });

  it("answers another tenant's article exactly like an unknown one (-32602, uri in data), audited as denied", async () => {
    const c = await connect(acme.token);
    const foreign = await errorOf(c.readResource({ uri: `kb://articles/${globexArticle.id}` }));
    const unknown = await errorOf(c.readResource({ uri: 'kb://articles/does-not-exist' }));
    expect(foreign?.code).toBe(-32602);
    expect(unknown?.code).toBe(-32602);
    expect(foreign?.message.replace(globexArticle.id, 'X')).toBe(unknown?.message.replace('does-not-exist', 'X'));
    expect((foreign?.data as { uri: string }).uri).toBe(`kb://articles/${globexArticle.id}`);
    const denied = await (await getDb()).auditEvent.findFirst({ where: { action: 'resource.read', resourceId: `kb://articles/${globexArticle.id}`, outcome: 'denied' } });
    expect(denied?.errorCode).toBe('NOT_FOUND');
  });

  it('pages through 120 articles with an opaque cursor, and refuses a forged cursor', async () => {
    const c = await connect(fresh.token);
    // Without a cursor the SDK client walks every page itself (pages of 50 here).
    const all = (await c.listResources()).resources.map((r) => r.uri);
    expect(new Set(all).size).toBe(120);
    // One page at a time: the second page starts after the first page's last article and points to the third.
    const ids = (await (await getDb()).kbArticle.findMany({ where: { tenantId: fresh.tenantId }, select: { id: true }, orderBy: { id: 'asc' } })).map((a) => a.id);
    const second = await c.listResources({ cursor: encodeCursor({ provider: 'kb', cursor: ids[49]! }) });
    expect(second.resources.map((r) => r.uri)).toEqual(ids.slice(50, 100).map((id) => `kb://articles/${id}`));
    const third = await c.listResources({ cursor: second.nextCursor! });
    expect(third.resources).toHaveLength(20);
    expect(third.nextCursor).toBeUndefined();
    expect((await errorOf(c.listResources({ cursor: 'not-a-cursor' })))?.code).toBe(-32602);
  });

  it('serves no knowledge base to a caller for whom kb_search is not enabled', async () => {
    for (const token of [fresh.noKbToken, fresh.otherToken]) {
      const c = await connect(token);
      expect((await c.listResources()).resources.filter((r) => r.uri.startsWith('kb://'))).toEqual([]);
      expect((await c.listResourceTemplates()).resourceTemplates.filter((t) => t.uriTemplate.startsWith('kb://'))).toEqual([]);
      const a = (await (await getDb()).kbArticle.findFirstOrThrow({ where: { tenantId: fresh.tenantId } })).id;
      if (token === fresh.noKbToken) expect((await errorOf(c.readResource({ uri: `kb://articles/${a}` })))?.code).toBe(-32602);
    }
  });

  it('offers the kb://articles/{id} template and completes {id} with visible articles only', async () => {
    const c = await connect(acme.token);
    expect((await c.listResourceTemplates()).resourceTemplates.map((t) => t.uriTemplate)).toContain('kb://articles/{id}');
    const word = acmeArticles[0]!.title.split(' ')[0]!;
    const done = await c.complete({ ref: { type: 'ref/resource', uri: 'kb://articles/{id}' }, argument: { name: 'id', value: word } });
    expect(done.completion.values.length).toBeGreaterThan(0);
    expect(done.completion.values.every((id) => acmeArticles.some((a) => a.id === id))).toBe(true);
    const none = await connect(fresh.noKbToken);
    expect((await errorOf(none.complete({ ref: { type: 'ref/resource', uri: 'kb://articles/{id}' }, argument: { name: 'id', value: '' } })))?.code).toBe(-32602);
  });

  it("lists a tool's prompts only for callers the tool is enabled for, renders them and audits the get", async () => {
    const name = `${fresh.toolSlug}.triage`;
    const c = await connect(fresh.token);
    const { prompts } = await c.listPrompts();
    expect(prompts.find((p) => p.name === name)).toMatchObject({ title: 'Triage a ticket', arguments: [{ name: 'ticket', required: true }, { name: 'tone', required: false }] });
    const got = await c.getPrompt({ name, arguments: { ticket: '1042', tone: 'calm' } });
    expect(got.messages[0]!.content).toEqual({ type: 'text', text: 'Triage ticket 1042 in a calm tone.' });
    const row = await (await getDb()).auditEvent.findFirstOrThrow({ where: { requestId: (got._meta as { requestId: string }).requestId } });
    expect(row).toMatchObject({ action: 'prompt.retrieved', resourceType: 'tool_prompt', toolSlug: fresh.toolSlug, outcome: 'success' });
    const missing = await errorOf(c.getPrompt({ name, arguments: {} }));
    expect(missing?.code).toBe(-32602);
    expect(missing?.message).toContain('ticket');

    const other = await connect(fresh.otherToken);
    expect((await other.listPrompts()).prompts.map((p) => p.name)).not.toContain(name);
    const hidden = await errorOf(other.getPrompt({ name, arguments: { ticket: '1' } }));
    const unknown = await errorOf(other.getPrompt({ name: 'no.such_prompt', arguments: {} }));
    expect(hidden?.code).toBe(-32602);
    expect(hidden?.message.replace(name, 'X')).toBe(unknown?.message.replace('no.such_prompt', 'X'));
  });
});

describe('prompt authoring', () => {
  it('refuses a user who does not own the tool, and a duplicate name', async () => {
    const requester = await actorFor('requester@acme.example');
    const input = { slug: fresh.toolSlug, name: 'other', title: 'Other', description: 'Another prompt for tests.', arguments: [], template: 'Do the thing now.' };
    await expect(saveToolPrompt({ actor: requester, ...input })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const admin = await actorFor('admin@example.com');
    await expect(saveToolPrompt({ actor: admin, ...input, name: 'triage' })).rejects.toMatchObject({ code: 'CONFLICT' });
    const { id } = await saveToolPrompt({ actor: admin, ...input });
    await expect(deleteToolPrompt({ actor: requester, slug: fresh.toolSlug, promptId: id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await deleteToolPrompt({ actor: admin, slug: fresh.toolSlug, promptId: id });
    const events = await (await getDb()).auditEvent.findMany({ where: { resourceType: 'tool_prompt', resourceId: id }, select: { action: true }, orderBy: { createdAt: 'asc' } });
    expect(events.map((e) => e.action)).toEqual(['tool_prompt.created', 'tool_prompt.deleted']);
  });
});
