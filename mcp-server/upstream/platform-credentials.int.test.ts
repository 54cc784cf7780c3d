// A platform-wide upstream server is called with each tenant's own credential: tenant admins set, replace and remove
// it in their settings (write-only, audited), the loopback upstream sees tenant A's credential on A's calls and B's
// on B's (never the agent's token), a tenant without one gets a clear tool error, and a tenant admin can neither see
// nor change another tenant's credential (answered like an unknown tenant or server).
import { randomBytes, randomInt } from 'node:crypto';
import type { Client } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/policy';
import { getDb } from '@/lib/server/db/client';
import { setActivationRule } from '@/lib/services/activation/set-activation-rule';
import { approveToolVersion } from '@/lib/services/catalogue/approve-tool-version';
import { addTrustedHost } from '@/lib/services/trusted-hosts/add-trusted-host';
import { removeTrustedHost } from '@/lib/services/trusted-hosts/remove-trusted-host';
import { discoverUpstream } from '@/lib/services/upstreams/discover-upstream';
import { findTenantUpstreamCredentials } from '@/lib/services/upstreams/find-tenant-upstream-credentials';
import { registerUpstream } from '@/lib/services/upstreams/register-upstream';
import { removeTenantUpstreamCredential } from '@/lib/services/upstreams/remove-tenant-upstream-credential';
import { removeUpstream } from '@/lib/services/upstreams/remove-upstream';
import { setTenantUpstreamCredential } from '@/lib/services/upstreams/set-tenant-upstream-credential';
import { actorFor } from '@/lib/testing/actors';
import { createFreshTenant, type FreshTenant } from '@/lib/testing/fresh-tenant';
import { connect, tokenFor } from '@/lib/testing/mcp';
import { startUpstreamStub, type UpstreamStub } from '@/lib/testing/upstream-server';

const CRED_A = `tenant-a-credential-${randomBytes(6).toString('hex')}`;
const CRED_B = `tenant-b-credential-${randomBytes(6).toString('hex')}`;
const CRED_A2 = `tenant-a-rotated-${randomBytes(6).toString('hex')}`;

interface Agent { token: string; client: Client }

describe('a platform-wide upstream server called with each tenant\'s own credential', () => {
  // Its own loopback address, trusted exactly (platform-wide), so no other suite's loopback upstream becomes reachable.
  const host = `127.84.${randomInt(1, 255)}.${randomInt(1, 255)}`;
  const ns = `shared${randomBytes(3).toString('hex')}`;
  const slug = `${ns}.lookup_contact`;
  let stub: UpstreamStub;
  let platformAdmin: Actor;
  let a: FreshTenant;
  let b: FreshTenant;
  let serverId: string;
  let trustedId: string;
  let agentA: Agent;
  let agentB: Agent;

  const call = (agent: Agent, email = 'ada@example.com') => agent.client.callTool({ name: slug, arguments: { email } });
  const text = (r: Awaited<ReturnType<typeof call>>) => (r.content as { text: string }[])[0]!.text;
  const seen = async (agent: Agent) => {
    stub.authorizations.length = 0;
    const r = await call(agent);
    expect(r.isError).toBe(false);
    return new Set(stub.authorizations);
  };

  beforeAll(async () => {
    stub = await startUpstreamStub({}, { host });
    platformAdmin = await actorFor('admin@example.com');
    const reviewer = await actorFor('reviewer@example.com');
    [a, b] = [await createFreshTenant('pc-a'), await createFreshTenant('pc-b')];
    serverId = (await registerUpstream({ actor: platformAdmin, tenantId: null, name: 'Shared CRM', namespace: ns, url: stub.url, timeoutMs: 5000, secretName: 'CRM_TOKEN' })).id;
    trustedId = (await addTrustedHost({ actor: platformAdmin, tenantId: null, pattern: host, note: 'platform-credentials test stub' })).id;
    const found = await discoverUpstream({ actor: platformAdmin, id: serverId });
    expect(found.discovery.tools).toEqual([{ name: 'lookup_contact', slug, outcome: 'new candidate in review' }]);
    // Discovered without any credential: a platform-wide server has none of its own.
    expect(new Set(stub.authorizations)).toEqual(new Set([null]));
    const db = await getDb();
    const v = await db.toolVersion.findFirstOrThrow({ where: { tool: { slug }, status: 'in_review' } });
    await approveToolVersion({ actor: reviewer, versionId: v.id });
    const tool = await db.tool.findUniqueOrThrow({ where: { slug } });
    for (const t of [a, b]) {
      await setActivationRule({ actor: t.admin, tenantId: t.tenant.id, toolId: tool.id, scope: 'tenant', state: 'on', rolloutPercent: null, reason: 'platform credentials test' });
    }
    const [tokenA, tokenB] = [(await tokenFor(a.tenant.slug)).token, (await tokenFor(b.tenant.slug)).token];
    agentA = { token: tokenA, client: await connect(tokenA) };
    agentB = { token: tokenB, client: await connect(tokenB) };
  });
  afterAll(async () => {
    await agentA?.client.close().catch(() => undefined);
    await agentB?.client.close().catch(() => undefined);
    // Retire the shared tool and untrust the address, so no other suite sees either.
    if (serverId) await removeUpstream({ actor: platformAdmin, id: serverId }).catch(() => undefined);
    if (trustedId) await removeTrustedHost({ actor: platformAdmin, id: trustedId }).catch(() => undefined);
    await stub?.close();
  });

  it('without a credential, the tenant\'s call is a clear tool error and the upstream is not contacted', async () => {
    const list = await findTenantUpstreamCredentials({ actor: a.admin, tenantId: a.tenant.id });
    expect(list.find((s) => s.id === serverId)).toEqual({ id: serverId, name: 'Shared CRM', namespace: ns, description: '', secretName: 'CRM_TOKEN', status: 'reachable', credential: null });
    stub.authorizations.length = 0;
    const r = await call(agentA);
    expect(r.isError).toBe(true);
    expect(text(r)).toBe(`${slug}: your tenant has no credential (CRM_TOKEN) for the upstream server "Shared CRM"; a tenant admin must set it in Settings → Upstream credentials.`);
    // Its federated resources and prompts alike: listed, but not read without the tenant's credential.
    await expect(agentA.client.readResource({ uri: `mcp-upstream://${ns}/${encodeURIComponent('crm://price-list')}` }))
      .rejects.toThrow('Your tenant has no credential (CRM_TOKEN) for the upstream server "Shared CRM"; a tenant admin must set it in Settings → Upstream credentials.');
    await expect(agentA.client.getPrompt({ name: `${ns}.summarise_contact` })).rejects.toThrow(/no credential \(CRM_TOKEN\)/);
    expect(stub.authorizations).toHaveLength(0);
    const db = await getDb();
    const audit = await db.auditEvent.findFirstOrThrow({ where: { tenantId: a.tenant.id, toolSlug: slug, action: 'tool.called' }, orderBy: { createdAt: 'desc' } });
    expect([audit.outcome, audit.errorCode]).toEqual(['error', 'NOT_CONFIGURED']);
  });

  it('each tenant admin sets their own credential; each tenant\'s calls carry it, never the agent token', async () => {
    const setA = await setTenantUpstreamCredential({ actor: a.admin, tenantId: a.tenant.id, upstreamId: serverId, value: CRED_A });
    expect(setA).toMatchObject({ upstreamId: serverId, name: 'Shared CRM', replaced: false, last4: CRED_A.slice(-4) });
    expect(JSON.stringify(setA)).not.toContain(CRED_A);
    await setTenantUpstreamCredential({ actor: b.admin, tenantId: b.tenant.id, upstreamId: serverId, value: CRED_B });

    expect(await seen(agentA)).toEqual(new Set([`Bearer ${CRED_A}`]));
    expect(await seen(agentB)).toEqual(new Set([`Bearer ${CRED_B}`]));
    expect(stub.authorizations.some((h) => h?.includes(agentA.token) || h?.includes(agentB.token))).toBe(false);

    const listA = await findTenantUpstreamCredentials({ actor: a.admin, tenantId: a.tenant.id });
    expect(listA.find((s) => s.id === serverId)!.credential).toEqual({ last4: CRED_A.slice(-4), updatedAt: expect.any(String) });
    expect(JSON.stringify(listA)).not.toContain(CRED_A);
    expect(JSON.stringify(listA)).not.toContain(CRED_B.slice(-4));

    const db = await getDb();
    const events = await db.auditEvent.findMany({ where: { tenantId: a.tenant.id, action: 'secret.created', resourceType: 'tenant_secret' } });
    expect(events.map((e) => e.details)).toEqual([expect.objectContaining({ scope: `upstream:${ns}`, name: 'CRM_TOKEN' })]);
    expect(JSON.stringify(events.map((e) => [e.details, e.resourcesTouched]))).not.toContain(CRED_A);
  });

  it('a tenant admin can neither see nor change another tenant\'s credential: answered like an unknown tenant', async () => {
    const foreign = { actor: a.admin, tenantId: b.tenant.id, upstreamId: serverId };
    await expect(findTenantUpstreamCredentials({ actor: a.admin, tenantId: b.tenant.id })).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'Tenant not found.' });
    await expect(setTenantUpstreamCredential({ ...foreign, value: 'stolen-value-0123456789' })).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'Tenant not found.' });
    await expect(removeTenantUpstreamCredential(foreign)).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'Tenant not found.' });
    await expect(findTenantUpstreamCredentials({ actor: a.admin, tenantId: 'no-such-tenant' })).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'Tenant not found.' });
    // Another tenant's own (private) server is answered like an unknown server.
    const privateB = await registerUpstream({ actor: b.admin, tenantId: b.tenant.id, name: 'B only', namespace: `priv${randomBytes(3).toString('hex')}`, url: 'https://crm.example.com/mcp', secretName: 'B_TOKEN' });
    for (const upstreamId of [privateB.id, 'no-such-server']) {
      await expect(setTenantUpstreamCredential({ actor: a.admin, tenantId: a.tenant.id, upstreamId, value: 'some-value-0123456789' })).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'This upstream server does not exist.' });
    }
    expect((await findTenantUpstreamCredentials({ actor: a.admin, tenantId: a.tenant.id })).map((s) => s.id)).not.toContain(privateB.id);
    // A member who is not a tenant admin is refused.
    const member: Actor = { ...a.admin, id: a.users.inA, roles: ['requester'] };
    await expect(setTenantUpstreamCredential({ actor: member, tenantId: a.tenant.id, upstreamId: serverId, value: 'some-value-0123456789' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(findTenantUpstreamCredentials({ actor: member, tenantId: a.tenant.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // B's credential is untouched.
    expect(await seen(agentB)).toEqual(new Set([`Bearer ${CRED_B}`]));
  });

  it.each([
    ['empty', '', 'Enter the credential.'],
    ['padded', ' padded-credential ', 'The credential must not start or end with spaces or contain line breaks.'],
    ['with a line break', 'line\nbreak-credential', 'The credential must not start or end with spaces or contain line breaks.'],
    ['4097 characters', 'x'.repeat(4097), 'At most 4096 characters.'],
  ])('refuses a credential that is %s with a message for a person', async (_label, value, message) => {
    const err = await setTenantUpstreamCredential({ actor: a.admin, tenantId: a.tenant.id, upstreamId: serverId, value }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'VALIDATION', fieldErrors: { value: [message] } });
  });

  it('a replaced credential is used on the next call; a removed one refuses the tenant\'s calls again, others unaffected', async () => {
    const r = await setTenantUpstreamCredential({ actor: a.admin, tenantId: a.tenant.id, upstreamId: serverId, value: CRED_A2 });
    expect(r.replaced).toBe(true);
    expect(await seen(agentA)).toEqual(new Set([`Bearer ${CRED_A2}`]));

    await removeTenantUpstreamCredential({ actor: a.admin, tenantId: a.tenant.id, upstreamId: serverId });
    const refused = await call(agentA);
    expect(refused.isError).toBe(true);
    expect(text(refused)).toMatch(/your tenant has no credential \(CRM_TOKEN\)/);
    expect(await seen(agentB)).toEqual(new Set([`Bearer ${CRED_B}`]));
    await expect(removeTenantUpstreamCredential({ actor: a.admin, tenantId: a.tenant.id, upstreamId: serverId })).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'No credential is set for "Shared CRM".' });

    const db = await getDb();
    const actions = (await db.auditEvent.findMany({ where: { tenantId: a.tenant.id, resourceType: 'tenant_secret' }, orderBy: { createdAt: 'asc' } })).map((e) => e.action);
    expect(actions).toEqual(['secret.created', 'secret.replaced', 'secret.deleted']);
  });
});
