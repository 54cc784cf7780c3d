// Declarative HTTP tools end to end: an owner declares one against a loopback server (trusted internal host),
// two reviewers approve it (high risk), a tenant admin enables it, and the portal sandbox calls it through the real
// MCP client on /mcp with a short-lived token of the user's own; the audit marks the call as a sandbox call.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/policy';
import { ZDeclareHttpToolInput, type TDeclareHttpToolInput } from '@/lib/schemas/http-tool';
import { getDb } from '@/lib/server/db/client';
import { approveToolVersion } from '@/lib/services/catalogue/approve-tool-version';
import { setActivationRule } from '@/lib/services/activation/set-activation-rule';
import { addTrustedHost } from '@/lib/services/trusted-hosts/add-trusted-host';
import { setSecret } from '@/lib/services/secrets/set-secret';
import { runSandboxCall } from '@/lib/services/sandbox/run-sandbox-call';
import { createFreshTenant, type FreshTenant } from '@/lib/testing/fresh-tenant';
import { inProcessFetch, MCP_URL, SYSTEM_ACTOR } from '@/lib/testing/mcp';
import { declareHttpTool } from './declare-http-tool';
import { previewHttpTool } from './preview-http-tool';
import { getHttpDeclaration } from './get-http-declaration';

const uid = () => randomBytes(4).toString('hex');
let server: http.Server;
let port = 0;
const seen: { url: string; auth: string | undefined; body: string }[] = [];
let t: FreshTenant;
let owner: Actor;
let reviewers: Actor[];
let user: Actor;

async function userActor(roles: Actor['roles'], tenantId: string | null, teamIds: string[] = []): Promise<Actor> {
  const db = await getDb();
  const u = await db.user.create({ data: { email: `${roles[0]}-${uid()}@http-tools.test`, name: roles[0]!, tenantId, roles, teams: { create: teamIds.map((teamId) => ({ teamId })) } } });
  return { kind: 'user', id: u.id, label: u.email, tenantId, teamIds, roles, via: 'portal', ip: null };
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push({ url: req.url ?? '', auth: req.headers.authorization, body });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ customer: { id: (req.url ?? '').split('?')[0]!.split('/').pop(), name: 'Ada' }, internal: 'x' }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
  t = await createFreshTenant('http');
  owner = await userActor(['tool_owner'], t.tenant.id);
  reviewers = [await userActor(['security_reviewer'], null), await userActor(['security_reviewer'], null)];
  user = await userActor(['requester'], t.tenant.id, [t.teams.a]);
  await addTrustedHost({ actor: SYSTEM_ACTOR, pattern: '127.0.0.1', tenantId: t.tenant.id, note: 'loopback test server' });
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

function declaration(name: string, over: Partial<TDeclareHttpToolInput> = {}, host = `127.0.0.1:${port}`): TDeclareHttpToolInput {
  return ZDeclareHttpToolInput.parse({
    name, title: 'Customer lookup', description: 'Looks up a customer by id in the CRM and returns its name.', category: 'crm', ownerTeam: 'CRM team',
    riskLevel: 'high', dataClassification: 'internal', critical: false,
    inputSchema: { type: 'object', properties: { id: { type: 'string', minLength: 1 }, lang: { type: 'string' } }, required: ['id'], additionalProperties: false },
    config: {
      kind: 'http_declarative', method: 'GET', urlTemplate: `http://${host}/customers/{id}`, query: [{ param: 'lang', arg: 'lang' }],
      response: { fields: [{ name: 'name', path: '/customer/name' }, { name: 'id', path: 'customer.id' }] }, auth: { type: 'bearer', secret: 'CRM_TOKEN' }, timeoutMs: 5000,
    },
    ...over,
  });
}

async function publishAndEnable(name: string, decl = declaration(name)) {
  const d = await declareHttpTool({ actor: owner, ...decl });
  expect((await approveToolVersion({ actor: reviewers[0]!, versionId: d.versionId })).status).toBe('in_review');
  expect((await approveToolVersion({ actor: reviewers[1]!, versionId: d.versionId })).status).toBe('approved');
  await setActivationRule({ actor: t.admin, tenantId: t.tenant.id, toolId: d.toolId, scope: 'tenant', state: 'on', rolloutPercent: null, reason: 'integration test' });
  await setSecret({ actor: t.admin, tenantId: t.tenant.id, toolSlug: name, name: 'CRM_TOKEN', value: 'crm-secret-token' });
  return d;
}

describe('declarative HTTP tools', () => {
  it('previews the exact request with the credential masked, and where the host stands', async () => {
    const decl = declaration(`crm_${uid()}`);
    const p = await previewHttpTool({ actor: owner, inputSchema: decl.inputSchema, config: decl.config, sample: { id: 'a b', lang: 'fr' } });
    expect(p.configErrors).toEqual([]);
    expect(p.schemaErrors).toEqual([]);
    expect(p.hostStatus).toBe('trusted_internal');
    expect(p.request).toEqual({ method: 'GET', url: `http://127.0.0.1:${port}/customers/a%20b?lang=fr`, headers: { accept: 'application/json', authorization: 'Bearer ••••••' }, body: null });
    const bad = await previewHttpTool({ actor: owner, inputSchema: { type: 'object', properties: { id: { type: 'nope' } } }, config: { ...decl.config, urlTemplate: 'ftp://x' }, sample: { id: 1 } });
    expect(bad.configErrors).toEqual([{ path: 'urlTemplate', message: 'The URL must start with https:// or http:// followed by a host.' }]);
    expect(bad.schemaErrors[0]).toContain('/properties/id/type');
  });

  it('refuses a declaration by a requester, a schema missing a mapped argument, and a taken name', async () => {
    await expect(declareHttpTool({ actor: user, ...declaration(`crm_${uid()}`) })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const noLang = declaration(`crm_${uid()}`, { inputSchema: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] } });
    await expect(declareHttpTool({ actor: owner, ...noLang })).rejects.toMatchObject({ code: 'VALIDATION', userMessage: 'The input schema is not usable: The mapping uses argument "lang", which the input schema does not declare in "properties".' });
    const name = `crm_${uid()}`;
    await declareHttpTool({ actor: owner, ...declaration(name) });
    await expect(declareHttpTool({ actor: owner, ...declaration(name) })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('is served only after two approvals, then the sandbox calls it through /mcp as the user, audited as a sandbox call', async () => {
    const name = `crm_${uid()}`;
    const d = await publishAndEnable(name);
    const db = await getDb();
    expect(await db.tool.findUniqueOrThrow({ where: { id: d.toolId }, select: { lifecycle: true } })).toEqual({ lifecycle: 'published' });
    expect(await getHttpDeclaration({ actor: user, slug: name })).toMatchObject({ method: 'GET', urlTemplate: `http://127.0.0.1:${port}/customers/{id}`, auth: { type: 'bearer', secret: 'CRM_TOKEN' } });
    seen.length = 0;
    const r = await runSandboxCall({ actor: user, slug: name, arguments: { id: 'c-7', lang: 'en' }, mcpUrl: new URL(MCP_URL), fetch: inProcessFetch });
    if (r.kind !== 'called') throw new Error(`expected a call, got ${JSON.stringify(r)}`);
    expect(r.isError).toBe(false);
    expect((r.result as { structuredContent?: unknown }).structuredContent).toEqual({ status: 200, data: { name: 'Ada', id: 'c-7' } });
    expect(seen).toEqual([{ url: '/customers/c-7?lang=en', auth: 'Bearer crm-secret-token', body: '' }]);
    const call = r.exchanges.find((x) => (x.request as { method?: string } | null)?.method === 'tools/call');
    expect(call?.request).toMatchObject({ method: 'tools/call', params: { name, arguments: { id: 'c-7', lang: 'en' } } });
    expect(JSON.stringify(r.exchanges)).not.toContain('mcp_'); // the token never reaches the page
    const event = await db.auditEvent.findFirstOrThrow({ where: { tenantId: t.tenant.id, action: 'tool.called', toolSlug: name }, orderBy: { createdAt: 'desc' } });
    expect(event).toMatchObject({ outcome: 'success', details: expect.objectContaining({ sandbox: true }) as unknown });
    const token = await db.agentToken.findFirstOrThrow({ where: { userId: user.id, sandbox: true, scopes: { has: name } } });
    expect(token.revokedAt).not.toBeNull();
    expect(token.expiresAt!.getTime() - token.createdAt.getTime()).toBeLessThanOrEqual(5 * 60_000 + 1000);
  });

  it('validates the arguments against the served schema, and refuses a tool not enabled for the user like an unknown one', async () => {
    const name = `crm_${uid()}`;
    await publishAndEnable(name);
    expect(await runSandboxCall({ actor: user, slug: name, arguments: { id: '' }, mcpUrl: new URL(MCP_URL), fetch: inProcessFetch }))
      .toEqual({ kind: 'invalid', errors: ['id: must NOT have fewer than 1 characters'] });
    const outsider = await userActor(['requester'], (await createFreshTenant('other')).tenant.id);
    await expect(runSandboxCall({ actor: outsider, slug: name, arguments: { id: '1' }, mcpUrl: new URL(MCP_URL), fetch: inProcessFetch })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(runSandboxCall({ actor: outsider, slug: `nope_${uid()}`, arguments: {}, mcpUrl: new URL(MCP_URL), fetch: inProcessFetch })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('runs critical tools as a dry run: validated and shown, never sent', async () => {
    const name = `crm_${uid()}`;
    await publishAndEnable(name, declaration(name, { critical: true }));
    seen.length = 0;
    const r = await runSandboxCall({ actor: user, slug: name, arguments: { id: 'c-9' }, mcpUrl: new URL(MCP_URL), fetch: inProcessFetch });
    expect(r).toMatchObject({ kind: 'dry_run', httpRequest: { method: 'GET', url: `http://127.0.0.1:${port}/customers/c-9`, headers: { authorization: 'Bearer ••••••' } } });
    expect(seen).toEqual([]);
  });

  it('obeys the egress rules through the pipeline: a host neither allowlisted nor trusted is refused', async () => {
    const name = `crm_${uid()}`;
    await publishAndEnable(name, declaration(name, {}, `localhost:${port}`));
    seen.length = 0;
    const r = await runSandboxCall({ actor: user, slug: name, arguments: { id: 'c-1' }, mcpUrl: new URL(MCP_URL), fetch: inProcessFetch });
    if (r.kind !== 'called') throw new Error('expected a call');
    expect(r.isError).toBe(true);
    expect(JSON.stringify(r.result)).toContain('Host \\"localhost\\" is not on the tenant\'s egress allowlist');
    expect(seen).toEqual([]);
  });
});
