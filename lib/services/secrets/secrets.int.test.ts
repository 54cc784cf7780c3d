import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/server/db/client';
import { newRequestId } from '@/lib/server/ids';
import { decryptSecret, encryptSecret, masterKeys, parseMasterKeys } from '@/lib/server/secrets';
import { openArguments, sealArguments } from '@/lib/services/approvals/approval-arguments';
import { canonicalJson } from '@/lib/tool-definition';
import { appErrorOf as errorOf } from '@/lib/testing/app-error';
import { actorFor } from '@/lib/testing/actors';
import { registerUpstream } from '@/lib/services/upstreams/register-upstream';
import { removeUpstream } from '@/lib/services/upstreams/remove-upstream';
import { setTenantUpstreamCredential } from '@/lib/services/upstreams/set-tenant-upstream-credential';
import { updateUpstream } from '@/lib/services/upstreams/update-upstream';
import { createFreshTenant, type FreshTenant } from '@/lib/testing/fresh-tenant';
import { deleteSecret } from './delete-secret';
import { findSecrets } from './find-secrets';
import { getSecretValue } from './get-secret-value';
import { rotateSecrets } from './rotate-secrets';
import { setSecret } from './set-secret';

const secretValue = () => `ghp_${randomBytes(18).toString('hex')}`;
let f: FreshTenant, g: FreshTenant;

beforeAll(async () => {
  [f, g] = [await createFreshTenant('sec'), await createFreshTenant('sec2')];
});

describe('tenant secrets', () => {
  it('encrypts at rest, decrypts for tools, and only ever shows the last 4 characters', async () => {
    const value = secretValue();
    const dto = await setSecret({ actor: f.admin, tenantId: f.tenant.id, toolSlug: 'github_search_issues', name: 'GITHUB_TOKEN', value });
    expect(dto).toEqual({ id: expect.any(String), toolSlug: 'github_search_issues', name: 'GITHUB_TOKEN', last4: value.slice(-4), keyId: masterKeys()[0]!.id, updatedAt: expect.any(String), replaced: false });
    expect(JSON.stringify(dto)).not.toContain(value);
    const db = await getDb();
    const row = await db.tenantSecret.findUniqueOrThrow({ where: { id: dto.id } });
    expect(row.ciphertext).not.toContain(value);
    expect(decryptSecret(row)).toBe(value);
    expect(await getSecretValue(f.tenant.id, 'github_search_issues', 'GITHUB_TOKEN')).toBe(value);
    const listed = await findSecrets({ actor: f.admin, tenantId: f.tenant.id });
    expect(listed.secrets).toEqual([expect.objectContaining({ name: 'GITHUB_TOKEN', last4: value.slice(-4) })]);
    expect(JSON.stringify(listed)).not.toContain(value);

    const replacement = secretValue();
    const replaced = await setSecret({ actor: f.admin, tenantId: f.tenant.id, toolSlug: 'github_search_issues', name: 'GITHUB_TOKEN', value: replacement });
    expect(replaced).toMatchObject({ id: dto.id, replaced: true, last4: replacement.slice(-4) });
    expect(await getSecretValue(f.tenant.id, 'github_search_issues', 'GITHUB_TOKEN')).toBe(replacement);
    const short = await setSecret({ actor: f.admin, tenantId: f.tenant.id, toolSlug: 'email_send', name: 'SMTP_PASSWORD', value: 'hunter2' });
    expect(short.last4).toBe('');
  });

  it('never stores a value in clear in any text column of any table, audit included', async () => {
    const value = `clear-canary-${randomBytes(12).toString('hex')}`;
    const { id } = await setSecret({ actor: f.admin, tenantId: f.tenant.id, toolSlug: 'email_send', name: 'SMTP_CANARY', value });
    await setSecret({ actor: f.admin, tenantId: f.tenant.id, toolSlug: 'email_send', name: 'SMTP_CANARY', value });
    const db = await getDb();
    const columns = await db.$queryRawUnsafe<{ table_schema: string; table_name: string; column_name: string }[]>(
      `SELECT c.table_schema, c.table_name, c.column_name FROM information_schema.columns c
         JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
        WHERE c.table_schema NOT IN ('pg_catalog', 'information_schema')
          AND (c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb') OR (c.data_type = 'ARRAY' AND c.udt_name IN ('_text', '_varchar')))`,
    );
    expect(columns.length).toBeGreaterThan(50);
    expect(columns.some((c) => c.table_name === 'AuditEvent' && c.column_name === 'details')).toBe(true);
    const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
    const hits: string[] = [];
    for (const c of columns) {
      let n = 0;
      try {
        [{ n }] = (await db.$queryRawUnsafe<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM ${q(c.table_schema)}.${q(c.table_name)} WHERE ${q(c.column_name)}::text LIKE $1`, `%${value.slice(4, 24)}%`,
        )) as [{ n: number }];
      } catch (e) {
        // Other test files create and drop their own tables and schemas meanwhile: a table that is gone holds nothing.
        if (/does not exist|could not open relation/.test(String(e))) continue;
        throw e;
      }
      if (n > 0) hits.push(`${c.table_schema}.${c.table_name}.${c.column_name}`);
    }
    expect(hits).toEqual([]);
    expect(await db.auditEvent.count({ where: { resourceId: id, action: { in: ['secret.created', 'secret.replaced'] } } })).toBe(2);
  });

  it('is tenant-scoped and write-only for tenant admins', async () => {
    const { id } = await setSecret({ actor: f.admin, tenantId: f.tenant.id, toolSlug: 'github_search_issues', name: 'SCOPED', value: secretValue() });
    expect((await errorOf(deleteSecret({ actor: g.admin, tenantId: f.tenant.id, secretId: id })))?.code).toBe('FORBIDDEN');
    expect((await errorOf(deleteSecret({ actor: g.admin, tenantId: g.tenant.id, secretId: id })))?.code).toBe('NOT_FOUND');
    expect((await errorOf(findSecrets({ actor: g.admin, tenantId: f.tenant.id })))?.code).toBe('FORBIDDEN');
    const bad = await errorOf(setSecret({ actor: f.admin, tenantId: f.tenant.id, toolSlug: 'no_such_tool', name: 'X', value: 'v' }));
    expect(bad?.fieldErrors?.toolSlug).toEqual(['Choose a tool of the catalogue.']);
    const badName = await errorOf(setSecret({ actor: f.admin, tenantId: f.tenant.id, toolSlug: 'email_send', name: '1bad name', value: '' }));
    expect(badName?.code).toBe('VALIDATION');
    expect(Object.keys(badName?.fieldErrors ?? {}).sort()).toEqual(['name', 'value']);
    await deleteSecret({ actor: f.admin, tenantId: f.tenant.id, secretId: id });
    expect((await errorOf(deleteSecret({ actor: f.admin, tenantId: f.tenant.id, secretId: id })))?.code).toBe('NOT_FOUND');
  });
});

describe('secrets kept for upstream servers (scope upstream:<namespace>)', () => {
  it('cannot be written through the secrets form: its tool field refuses the scope', async () => {
    const t = await createFreshTenant('sec-up-form');
    const err = await errorOf(setSecret({ actor: t.admin, tenantId: t.tenant.id, toolSlug: 'upstream:crm', name: 'CRM_TOKEN', value: secretValue() }));
    expect(err).toMatchObject({ code: 'VALIDATION', fieldErrors: { toolSlug: ['A tool slug, e.g. github_search_issues.'] } });
  });

  it('name their server, so the page replaces them through the upstream credential path', async () => {
    const t = await createFreshTenant('sec-up');
    const platformAdmin = await actorFor('admin@example.com');
    const tag = randomBytes(3).toString('hex');
    const base = { url: 'https://crm.example.com/mcp', timeoutMs: 5000, description: '' };
    const shared = await registerUpstream({ actor: platformAdmin, tenantId: null, namespace: `secup${tag}`, name: `Shared ${tag}`, secretName: 'CRM_TOKEN', ...base });
    const own = await registerUpstream({ actor: t.admin, tenantId: t.tenant.id, namespace: `secown${tag}`, name: `Own ${tag}`, secretName: 'OWN_TOKEN', credential: secretValue(), ...base });
    const db = await getDb();
    // An upstream server's tool reads the server's credential, never a secret of its own: the form does not offer it.
    await db.tool.create({ data: {
      slug: `secup${tag}.lookup`, title: 'Lookup', description: 'Upstream tool', category: 'crm', kind: 'upstream_mcp', lifecycle: 'published', ownerTeam: 'platform',
      riskLevel: 'low', dataClassification: 'internal', dataRead: [], dataWritten: [], requiredScopes: [], tags: [], upstreamServerId: shared.id,
    } });
    try {
      const value = secretValue();
      await setTenantUpstreamCredential({ actor: t.admin, tenantId: t.tenant.id, upstreamId: shared.id, value });
      await setSecret({ actor: t.admin, tenantId: t.tenant.id, toolSlug: 'github_search_issues', name: 'GITHUB_TOKEN', value: secretValue() });
      const view = await findSecrets({ actor: t.admin, tenantId: t.tenant.id });
      const byScope = Object.fromEntries(view.secrets.map((x) => [x.toolSlug, x]));
      expect(byScope[`upstream:secup${tag}`]).toMatchObject({ name: 'CRM_TOKEN', last4: value.slice(-4), upstream: { namespace: `secup${tag}`, server: { id: shared.id, name: `Shared ${tag}`, platformWide: true }, inUse: true } });
      expect(byScope[`upstream:secown${tag}`]).toMatchObject({ name: 'OWN_TOKEN', upstream: { namespace: `secown${tag}`, server: { id: own.id, name: `Own ${tag}`, platformWide: false }, inUse: true } });
      expect(byScope.github_search_issues?.upstream).toBeNull();
      expect(JSON.stringify(view)).not.toContain(value);
      expect(view.tools.map((x) => x.slug)).toContain('github_search_issues');
      expect(view.tools.map((x) => x.slug)).not.toContain(`secup${tag}.lookup`);

      // Once the server reads another secret name, the old credential is shown as unused (it can only be deleted).
      await updateUpstream({ actor: platformAdmin, id: shared.id, name: `Shared ${tag}`, secretName: 'CRM_KEY', ...base });
      const after = await findSecrets({ actor: t.admin, tenantId: t.tenant.id });
      expect(after.secrets.find((x) => x.toolSlug === `upstream:secup${tag}`)?.upstream).toMatchObject({ server: { id: shared.id }, inUse: false });
    } finally {
      await db.tool.deleteMany({ where: { upstreamServerId: shared.id } });
      await removeUpstream({ actor: platformAdmin, id: shared.id });
      await removeUpstream({ actor: t.admin, id: own.id });
    }
  });
});

describe('key rotation', () => {
  it('re-encrypts every secret under the new primary key, idempotently, and the values survive', async () => {
    const r = await createFreshTenant('rot');
    const values = await Promise.all(['A', 'B', 'C', 'D', 'E'].map(async (n) => {
      const value = secretValue();
      await setSecret({ actor: r.admin, tenantId: r.tenant.id, toolSlug: 'github_search_issues', name: `TOKEN_${n}`, value });
      return { name: `TOKEN_${n}`, value };
    }));
    const old = masterKeys();
    const rotatedKeys = parseMasterKeys(`k-next:${randomBytes(32).toString('base64')},${old.map((k) => `${k.id}:${k.key.toString('base64')}`).join(',')}`);
    const first = await rotateSecrets({ keys: rotatedKeys, batchSize: 2, tenantIds: [r.tenant.id] });
    expect(first).toMatchObject({ primaryKeyId: 'k-next', total: 5, rotated: 5, alreadyCurrent: 0, failed: [], batches: 3 });
    const db = await getDb();
    const rows = await db.tenantSecret.findMany({ where: { tenantId: r.tenant.id } });
    expect(new Set(rows.map((x) => x.keyId))).toEqual(new Set(['k-next']));
    for (const v of values) expect(decryptSecret(rows.find((x) => x.name === v.name)!, rotatedKeys)).toBe(v.value);
    // Without the new key the rows cannot be read: they really moved.
    expect(() => decryptSecret(rows[0]!, old)).toThrow(/No master key/);
    const second = await rotateSecrets({ keys: rotatedKeys, tenantIds: [r.tenant.id] });
    expect(second).toMatchObject({ rotated: 0, alreadyCurrent: 5, batches: 0 });
    // A key that is gone is reported, not silently skipped.
    const lost = await rotateSecrets({ keys: parseMasterKeys(`other:${randomBytes(32).toString('base64')}`), tenantIds: [r.tenant.id] });
    expect(lost.failed).toHaveLength(5);
    expect(lost.rotated).toBe(0);
    // Back under the test key (rotation the other way round) so nothing else is affected.
    expect(await rotateSecrets({ keys: [...old, rotatedKeys[0]!], tenantIds: [r.tenant.id] })).toMatchObject({ rotated: 5, failed: [] });
    const rows2 = await db.tenantSecret.findMany({ where: { tenantId: r.tenant.id } });
    for (const v of values) expect(decryptSecret(rows2.find((x) => x.name === v.name)!)).toBe(v.value);
  });

  it("re-encrypts held calls' arguments sealed under an old key; they open to the same arguments and hash", async () => {
    const r = await createFreshTenant('rotapr');
    const db = await getDb();
    const tool = await db.tool.findUniqueOrThrow({ where: { slug: 'payment_refund' } });
    const oldKey = parseMasterKeys(`k-old:${randomBytes(32).toString('base64')}`)[0]!;
    const args = { invoiceId: 42, amount: 12.5, reason: 'Damaged parcel, customer jane@example.com' };
    const { hash } = sealArguments(args);
    const hold = (argumentsEnc: string, argumentsHash: string) => db.approvalRequest.create({
      data: { tenantId: r.tenant.id, toolId: tool.id, toolVersion: tool.servedVersion, requestId: newRequestId(), argumentsEnc, argumentsHash, argumentsRedacted: {}, expiresAt: new Date(Date.now() + 60_000) },
    });
    // Sealed as sealArguments does, but under a key that has since been replaced (kept after the new one).
    const old = await hold(JSON.stringify(encryptSecret(canonicalJson(args), [oldKey])), hash);
    const current = sealArguments({ invoiceId: 7, amount: 1, reason: 'Already under the primary key' });
    const fresh = await hold(current.enc, current.hash);
    expect(openArguments(old.argumentsEnc, old.argumentsHash)).toBeNull(); // the old key is not configured any more
    const primary = masterKeys()[0]!;

    // Without the old key it cannot be read: reported, left as it was.
    const lost = await rotateSecrets({ tenantIds: [r.tenant.id] });
    expect(lost.approvals).toMatchObject({ total: 2, rotated: 0, failed: [{ id: old.id, keyId: 'k-old', reason: expect.stringMatching(/No master key/) }] });
    expect((await db.approvalRequest.findUniqueOrThrow({ where: { id: old.id } })).argumentsEnc).toBe(old.argumentsEnc);

    const first = await rotateSecrets({ keys: [primary, oldKey], batchSize: 1, tenantIds: [r.tenant.id] });
    expect(first).toMatchObject({ primaryKeyId: primary.id, total: 0, rotated: 0 });
    expect(first.approvals).toEqual({ total: 2, rotated: 1, alreadyCurrent: 1, failed: [], batches: 1 });
    const row = await db.approvalRequest.findUniqueOrThrow({ where: { id: old.id } });
    expect(JSON.parse(row.argumentsEnc)).toMatchObject({ keyId: primary.id });
    expect(row.argumentsHash).toBe(hash);
    expect(openArguments(row.argumentsEnc, row.argumentsHash)).toEqual(args);
    expect((await db.approvalRequest.findUniqueOrThrow({ where: { id: fresh.id } })).argumentsEnc).toBe(current.enc); // untouched
    const second = await rotateSecrets({ keys: [primary, oldKey], tenantIds: [r.tenant.id] });
    expect(second.approvals).toMatchObject({ rotated: 0, alreadyCurrent: 2, batches: 0, failed: [] });

    // The tenant's approval webhook signing secret is re-encrypted the same way.
    await db.tenantPolicy.update({ where: { tenantId: r.tenant.id }, data: { approvalWebhookUrl: 'https://chat.example.com/hook', approvalWebhookSecret: JSON.stringify(encryptSecret('whsec_old', [oldKey])) } });
    expect((await rotateSecrets({ keys: [primary, oldKey], tenantIds: [r.tenant.id] })).webhookSecretsRotated).toBe(1);
    const policy = await db.tenantPolicy.findUniqueOrThrow({ where: { tenantId: r.tenant.id } });
    expect(decryptSecret(JSON.parse(policy.approvalWebhookSecret!) as Parameters<typeof decryptSecret>[0])).toBe('whsec_old');
    expect((await rotateSecrets({ keys: [primary, oldKey], tenantIds: [r.tenant.id] })).webhookSecretsRotated).toBe(0);
    expect(await db.auditEvent.count({ where: { action: 'approval_arguments.rotated', details: { path: ['rotated'], equals: 1 } } })).toBeGreaterThanOrEqual(1);
  });
});
