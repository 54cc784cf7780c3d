// Upstream server registration, edits and removal: every input checked with a message for a person, permissions
// refused (tenant admins never manage platform-wide servers or another tenant's), each change audited, secrets
// never echoed, another tenant's server answered like an unknown one.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/lib/server/db/client';
import { actorFor } from '@/lib/testing/actors';
import { createFreshTenant } from '@/lib/testing/fresh-tenant';
import { findUpstreams } from './find-upstreams';
import { getUpstream } from './get-upstream';
import { registerUpstream } from './register-upstream';
import { removeUpstream } from './remove-upstream';
import { updateUpstream } from './update-upstream';

const ns = () => `it${randomBytes(4).toString('hex')}`;
const base = { name: 'CRM', url: 'https://crm.example.com/mcp', timeoutMs: 5000 };

describe('registering upstream servers', () => {
  it.each([
    [{ namespace: 'Bad-NS' }, 'namespace', 'The namespace must be 2–31 characters: lowercase letters, digits and "_", starting with a letter (e.g. crm).'],
    [{ url: 'ftp://crm.example.com' }, 'url', 'Enter the http(s) URL of the server\'s MCP endpoint, e.g. https://crm.example.com/mcp.'],
    [{ url: 'https://user:pw@crm.example.com/mcp' }, 'url', 'The URL must not contain a user name or password: store the credential as a secret instead.'],
    [{ timeoutMs: 100 }, 'timeoutMs', 'At least 500 ms.'],
    [{ name: 'x' }, 'name', 'Enter a name of at least 2 characters.'],
    [{ secretName: '1abc' }, 'secretName', 'Letters, digits and "_", starting with a letter (e.g. GITHUB_TOKEN).'],
  ])('refuses %j with a message naming %s', async (bad, field, message) => {
    const t = await createFreshTenant('up-v');
    const err = await registerUpstream({ actor: t.admin, tenantId: t.tenant.id, namespace: ns(), ...base, ...bad }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'VALIDATION', fieldErrors: { [field]: [message] } });
  });

  it('a credential needs a secret name; a platform-wide server has none of its own', async () => {
    const t = await createFreshTenant('up-c');
    const admin = await actorFor('admin@example.com');
    await expect(registerUpstream({ actor: t.admin, tenantId: t.tenant.id, namespace: ns(), ...base, credential: 'abc' })).rejects.toMatchObject({ code: 'VALIDATION', fieldErrors: { secretName: ['Enter a secret name, e.g. CRM_TOKEN.'] } });
    await expect(registerUpstream({ actor: admin, tenantId: null, namespace: ns(), ...base, secretName: 'T', credential: 'abc' })).rejects.toMatchObject({ code: 'VALIDATION', fieldErrors: { credential: ['Leave empty for a platform-wide server.'] } });
  });

  it('tenant admins manage only their tenant\'s servers; platform-wide ones are platform admins\'', async () => {
    const t = await createFreshTenant('up-p');
    const other = await createFreshTenant('up-o');
    const requester = await actorFor('requester@acme.example');
    await expect(registerUpstream({ actor: t.admin, tenantId: null, namespace: ns(), ...base })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(registerUpstream({ actor: t.admin, tenantId: other.tenant.id, namespace: ns(), ...base })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(registerUpstream({ actor: requester, tenantId: requester.tenantId, namespace: ns(), ...base })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const name = ns();
    const r = await registerUpstream({ actor: t.admin, tenantId: t.tenant.id, namespace: name, ...base });
    await expect(registerUpstream({ actor: t.admin, tenantId: t.tenant.id, namespace: name, ...base })).rejects.toMatchObject({ code: 'CONFLICT' });
    // Another tenant's admin: unknown id for reads and for every change.
    expect(await getUpstream({ actor: other.admin, id: r.id })).toBeNull();
    expect((await findUpstreams({ actor: other.admin, q: name })).rows).toHaveLength(0);
    await expect(updateUpstream({ actor: other.admin, id: r.id, ...base })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(removeUpstream({ actor: other.admin, id: r.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await findUpstreams({ actor: t.admin, q: name })).rows.map((x) => x.namespace)).toEqual([name]);
  });

  it('stores the credential encrypted as the tenant\'s secret and audits names, never values; edits and removal are audited', async () => {
    const t = await createFreshTenant('up-s');
    const name = ns();
    const secret = 'very-secret-credential-value-42';
    const r = await registerUpstream({ actor: t.admin, tenantId: t.tenant.id, namespace: name, ...base, secretName: 'CRM_TOKEN', credential: secret });
    const db = await getDb();
    const stored = await db.tenantSecret.findFirstOrThrow({ where: { tenantId: t.tenant.id, toolSlug: `upstream:${name}` } });
    expect(stored).toMatchObject({ name: 'CRM_TOKEN', last4: 'e-42' });
    expect(stored.ciphertext).not.toContain(secret);
    const events = await db.auditEvent.findMany({ where: { tenantId: t.tenant.id }, orderBy: { seq: 'asc' } });
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['secret.created', 'upstream.registered']));
    expect(JSON.stringify(events.map((e) => e.details))).not.toContain(secret);
    expect(JSON.stringify(await getUpstream({ actor: t.admin, id: r.id }))).not.toContain(secret);

    await updateUpstream({ actor: t.admin, id: r.id, ...base, url: 'https://crm2.example.com/mcp', secretName: 'CRM_TOKEN' });
    const upd = await db.auditEvent.findFirstOrThrow({ where: { action: 'upstream.updated', resourceId: r.id } });
    expect(upd.details).toMatchObject({ changed: ['url'], before: { url: base.url }, after: { url: 'https://crm2.example.com/mcp' } });

    await removeUpstream({ actor: t.admin, id: r.id });
    expect(await db.upstreamServer.findUnique({ where: { id: r.id } })).toBeNull();
    expect(await db.tenantSecret.count({ where: { toolSlug: `upstream:${name}` } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: 'upstream.removed', resourceId: r.id } })).toBe(1);
  });
});
