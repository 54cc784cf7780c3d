// Tool-group scopes (tools:group:<category>): consent offers only the categories holding a tool the user may use;
// at /mcp a group resolves, when the token is used, to the user's tools of that category, never more.
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/policy';
import { getDb } from '@/lib/server/db/client';
import { appErrorOf } from '@/lib/testing/app-error';
import { createFreshTenant, type FreshTenant } from '@/lib/testing/fresh-tenant';
import { connect, rawPost } from '@/lib/testing/mcp';
import { connectClient, pkce, registerPublicClient, startAuthorization, startAuthServer, type TestAuthServer } from '@/lib/testing/oauth';
import { decideConsent } from './decide-consent';
import { getConsentRequest } from './get-consent-request';

const INIT = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 't', version: '1' } } });

let as: TestAuthServer;
let t: FreshTenant;
let ann: Actor;

async function activate(slug: string) {
  const db = await getDb();
  const tool = await db.tool.findUniqueOrThrow({ where: { slug } });
  await db.toolActivation.create({ data: { tenantId: t.tenant.id, toolId: tool.id, scope: 'team', teamId: t.teams.a, scopeKey: `team:${t.teams.a}`, enabled: true } });
}

async function listed(token: string): Promise<string[]> {
  const mcp = await connect(token);
  try {
    return (await mcp.listTools()).tools.map((x) => x.name).sort();
  } finally {
    await mcp.close();
  }
}

async function rejection(p: Promise<unknown>) {
  const e = await appErrorOf(p);
  return { code: e.code, message: e.userMessage };
}

beforeAll(async () => {
  as = await startAuthServer();
  t = await createFreshTenant('oauthgrp');
  // Ann (team a) may use one ticketing tool (ticket_search, not ticket_create) and one knowledge tool; no data tool.
  await activate('ticket_search');
  await activate('kb_search');
  ann = { kind: 'user', id: t.users.inA, label: 'ann', tenantId: t.tenant.id, teamIds: [t.teams.a], roles: ['requester'], via: 'portal', ip: null };
});
afterAll(async () => as?.close());

describe('tool-group scopes', () => {
  it('consent offers only the groups holding a tool the user may use, and pre-selects a requested group', async () => {
    const client = await registerPublicClient(as);
    const flow = await startAuthorization(as, { ...client, challenge: pkce().challenge, scope: 'tools:group:ticketing tools:group:data' });
    expect(flow.uid).toBeTruthy();
    const view = await getConsentRequest({ actor: ann, uid: flow.uid!, interactionCookie: flow.jar.get('_interaction') });
    expect(view.groups).toEqual([
      { key: 'knowledge', category: 'knowledge', slugs: ['kb_search'] },
      { key: 'ticketing', category: 'ticketing', slugs: ['ticket_search'] },
    ]);
    expect(view.requested).toEqual({ all: false, slugs: [], groups: ['ticketing'] });
  });

  it('a group grant lists only that group\'s tools the user may use, resolved when the token is used', async () => {
    const { client, accessToken } = await connectClient(as, ann, { groups: ['ticketing'] });
    const db = await getDb();
    const conn = await db.oAuthConnection.findFirstOrThrow({ where: { clientId: client.clientId }, include: { agentToken: { select: { scopes: true } } } });
    expect(conn.scopes).toEqual(['tools:group:ticketing']);
    expect(conn.agentToken.scopes).toEqual(['tools:group:ticketing']);
    // ticket_create is in the group but not activated for Ann; kb_search is hers but in another group.
    expect(await listed(accessToken)).toEqual(['ticket_search']);
    const mcp = await connect(accessToken);
    const refused = await mcp.callTool({ name: 'kb_search', arguments: { query: 'x' } }).catch((e: Error) => e);
    expect(refused instanceof Error ? refused.message : JSON.stringify(refused)).toMatch(/kb_search/);
    await mcp.close();
    // A tool of the group activated for her later is reached by the same token.
    await activate('ticket_create');
    expect(await listed(accessToken)).toEqual(['ticket_create', 'ticket_search']);
  });

  it('a group and a tool of another group combine; a tool covered by a chosen group is stored as the group only', async () => {
    const { client, accessToken } = await connectClient(as, ann, { groups: ['ticketing'], tools: ['kb_search', 'ticket_search'] });
    const db = await getDb();
    const conn = await db.oAuthConnection.findFirstOrThrow({ where: { clientId: client.clientId } });
    expect(conn.scopes).toEqual(['kb_search', 'tools:group:ticketing']);
    expect(await listed(accessToken)).toEqual(['kb_search', 'ticket_create', 'ticket_search']);
  });

  it('an unknown group, or a group without a tool the user may use, grants nothing', async () => {
    const client = await registerPublicClient(as);
    const flow = await startAuthorization(as, { ...client, challenge: pkce().challenge });
    const cookie = flow.jar.get('_interaction');
    for (const groups of [['no-such-group'], ['data']]) {
      expect(await rejection(decideConsent({ actor: ann, uid: flow.uid!, interactionCookie: cookie, decision: 'allow', groups }))).toEqual({ code: 'VALIDATION', message: 'Choose at least one tool, or Deny.' });
    }
    expect(await rejection(decideConsent({ actor: ann, uid: flow.uid!, interactionCookie: cookie, decision: 'allow', groups: ['Not a key!'] }))).toMatchObject({ code: 'VALIDATION' });

    // A grant whose stored choice names an unknown group reaches no tool at /mcp (never "every tool").
    const { client: c2, accessToken } = await connectClient(as, ann, { groups: ['knowledge'] });
    expect(await listed(accessToken)).toEqual(['kb_search']);
    const db = await getDb();
    await db.oAuthConnection.updateMany({ where: { clientId: c2.clientId }, data: { scopes: ['tools:group:no-such-group'] } });
    const res = await rawPost(INIT, { authorization: `Bearer ${accessToken}` });
    expect(res.status).toBe(403);
    expect(res.headers.get('www-authenticate')).toContain('error="insufficient_scope"');
  });
});
