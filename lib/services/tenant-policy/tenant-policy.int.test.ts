import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/server/db/client';
import { loadAccessContext } from '@/lib/services/activation/load-access-context';
import { resolveToolAccess, needsApproval, requiredApprovals } from '@/lib/activation';
import { appErrorOf as errorOf } from '@/lib/testing/app-error';
import { createFreshTenant, createFreshTool, type FreshTenant } from '@/lib/testing/fresh-tenant';
import { getTenantPolicy } from './get-tenant-policy';
import { setApprovalRule } from './set-approval-rule';
import { setDataScopes } from './set-data-scopes';
import { setDefaultLimits } from './set-default-limits';
import { setEgressAllowlist } from './set-egress-allowlist';
import { setPiiRules } from './set-pii-rules';

let f: FreshTenant, g: FreshTenant;
beforeAll(async () => {
  [f, g] = [await createFreshTenant('pol'), await createFreshTenant('pol2')];
});

describe('tenant policies', () => {
  it('egress allowlist: normalised, deduplicated, precise errors, nothing half-written, audited', async () => {
    expect(await setEgressAllowlist({ actor: f.admin, tenantId: f.tenant.id, hosts: ['API.github.com', '*.example.com', 'api.github.com'] })).toEqual({ hosts: ['*.example.com', 'api.github.com'] });
    const e = await errorOf(setEgressAllowlist({ actor: f.admin, tenantId: f.tenant.id, hosts: ['ok.example.org', 'https://evil.example', '10.0.0.1', 'a.*.b.com'] }));
    expect(e?.code).toBe('VALIDATION');
    expect(e?.fieldErrors).toEqual({
      'hosts.1': ['"https://evil.example": Give a host name only, without "https://".'],
      'hosts.2': ['"10.0.0.1": IP addresses are not allowed; use a host name.'],
      'hosts.3': ['"a.*.b.com": A wildcard is allowed only as the first label, as in "*.example.com".'],
    });
    expect((await getTenantPolicy({ actor: f.admin, tenantId: f.tenant.id })).egressAllowlist).toEqual(['*.example.com', 'api.github.com']);
    const db = await getDb();
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: 'tenant_policy.egress_updated', tenantId: f.tenant.id } });
    expect(audit.details).toEqual({ before: { egressAllowlist: [] }, after: { egressAllowlist: ['*.example.com', 'api.github.com'] } });
  });

  it('PII rules: detectors on/off and custom patterns; unsafe patterns refused with the field', async () => {
    const rules = { email: true, phone: false, iban: true, card: true, nir: false, custom: [{ name: 'employee_id', pattern: 'EMP-\\d{6}' }] };
    await setPiiRules({ actor: f.admin, tenantId: f.tenant.id, rules });
    expect((await getTenantPolicy({ actor: f.admin, tenantId: f.tenant.id })).piiRules).toEqual(rules);
    const e = await errorOf(setPiiRules({ actor: f.admin, tenantId: f.tenant.id, rules: { ...rules, custom: [{ name: 'bad', pattern: '(a+)+$' }] } }));
    expect(Object.keys(e?.fieldErrors ?? {})).toEqual(['rules.custom.0.pattern']);
    expect((await getTenantPolicy({ actor: f.admin, tenantId: f.tenant.id })).piiRules.custom).toEqual(rules.custom);
  });

  it('data scopes re-sync the dataset grants of sql_query at once', async () => {
    const { readGrantState, readerRole } = await import('@/mcp-server/tools/dataset-grants');
    const { datasetSchema, ensureDataset } = await import('@/lib/server/seed/dataset');
    const db = await getDb();
    await ensureDataset(db, f.tenant.slug, 7);
    try {
      await setDataScopes({ actor: f.admin, tenantId: f.tenant.id, scopes: ['customers', 'invoices'] });
      expect((await readGrantState(db, f.tenant.slug)).granted).toEqual(['customers', 'invoices']);
      await setDataScopes({ actor: f.admin, tenantId: f.tenant.id, scopes: ['orders'] });
      expect((await readGrantState(db, f.tenant.slug)).granted).toEqual(['orders']);
    } finally {
      // Roles are cluster-wide in PostgreSQL: leave none behind.
      await db.$executeRawUnsafe(`DROP SCHEMA IF EXISTS ${datasetSchema(f.tenant.slug)} CASCADE`);
      await db.$executeRawUnsafe(`DROP ROLE IF EXISTS "${readerRole(f.tenant.slug)}"`);
    }
  });

  it('data scopes and default limits', async () => {
    expect(await setDataScopes({ actor: f.admin, tenantId: f.tenant.id, scopes: ['orders', 'customers', 'orders'] })).toEqual({ scopes: ['customers', 'orders'] });
    const e = await errorOf(setDataScopes({ actor: f.admin, tenantId: f.tenant.id, scopes: ['users'] as never }));
    expect(e?.fieldErrors?.['scopes.0']?.[0]).toMatch(/Unknown table/);
    await setDefaultLimits({ actor: f.admin, tenantId: f.tenant.id, defaultRequestsPerMinute: 33, defaultCallsPerDay: 3333 });
    const ctx = await loadAccessContext({ tenantId: f.tenant.id, teamIds: [], userId: null });
    expect(ctx.defaults).toEqual({ requestsPerMinute: 33, callsPerDay: 3333 });
  });

  it('approval rules: always, conditional on arguments with one or two approvers, never; applied by the resolver', async () => {
    const tool = await createFreshTool();
    await setApprovalRule({ actor: f.admin, tenantId: f.tenant.id, toolId: tool.id, mode: 'conditional', condition: { field: 'amount', op: 'gt', value: 500 }, approvalsRequired: 2 });
    const approval = async () => {
      const ctx = await loadAccessContext({ tenantId: f.tenant.id, teamIds: [], userId: null });
      return resolveToolAccess(ctx, { teamIds: [], userId: null }, ctx.tools.find((t) => t.id === tool.id)!).approval;
    };
    const a = await approval();
    expect(a).toEqual({ mode: 'conditional', condition: { field: 'amount', op: 'gt', value: 500 }, approvalsRequired: 2, critical: false, ttlMinutes: 15 });
    expect(needsApproval(a, { amount: 800 })).toBe(true);
    expect(needsApproval(a, { amount: 20 })).toBe(false);
    await setApprovalRule({ actor: f.admin, tenantId: f.tenant.id, toolId: tool.id, mode: 'always', condition: null, approvalsRequired: 1 });
    expect(await approval()).toMatchObject({ mode: 'always', condition: null, approvalsRequired: 1 });
    const bad = await errorOf(setApprovalRule({ actor: f.admin, tenantId: f.tenant.id, toolId: tool.id, mode: 'conditional', condition: { field: 'amount', op: 'gt', value: 'lots' }, approvalsRequired: 3 }));
    expect(Object.keys(bad?.fieldErrors ?? {}).sort()).toEqual(['approvalsRequired', 'condition.value']);
    const missing = await errorOf(setApprovalRule({ actor: f.admin, tenantId: f.tenant.id, toolId: tool.id, mode: 'conditional', condition: null, approvalsRequired: 1 }));
    expect(missing?.fieldErrors).toEqual({ condition: ['A conditional rule needs a condition.'] });
    await setApprovalRule({ actor: f.admin, tenantId: f.tenant.id, toolId: tool.id, mode: 'never', condition: null, approvalsRequired: 1 });
    expect(await approval()).toMatchObject({ mode: 'never' });
  });

  it('approval rules of a critical tool: never refused; a condition decides when two operators are needed', async () => {
    const db = await getDb();
    const tool = await createFreshTool();
    await db.tool.update({ where: { id: tool.id }, data: { critical: true } });
    const approval = async () => {
      const ctx = await loadAccessContext({ tenantId: f.tenant.id, teamIds: [], userId: null });
      return resolveToolAccess(ctx, { teamIds: [], userId: null }, ctx.tools.find((t) => t.id === tool.id)!).approval;
    };
    const never = await errorOf(setApprovalRule({ actor: f.admin, tenantId: f.tenant.id, toolId: tool.id, mode: 'never', condition: null, approvalsRequired: 1 }));
    const message = `${tool.slug} is a critical tool: every call needs a human approval, so "never" cannot apply. Choose "always", or "always; two operators above a condition".`;
    expect([never?.code, never?.userMessage, never?.fieldErrors]).toEqual(['VALIDATION', message, { mode: [message] }]);
    expect(await db.tenantToolPolicy.count({ where: { tenantId: f.tenant.id, toolId: tool.id } })).toBe(0); // nothing written
    await setApprovalRule({ actor: f.admin, tenantId: f.tenant.id, toolId: tool.id, mode: 'conditional', condition: { field: 'amount', op: 'gt', value: 500 }, approvalsRequired: 2 });
    const a = await approval();
    expect([needsApproval(a, { amount: 20 }), requiredApprovals(a, { amount: 20 }), requiredApprovals(a, { amount: 800 })]).toEqual([true, 1, 2]);
    await setApprovalRule({ actor: f.admin, tenantId: f.tenant.id, toolId: tool.id, mode: 'always', condition: null, approvalsRequired: 2 });
    expect(requiredApprovals(await approval(), { amount: 20 })).toBe(2);
    const rule = (await getTenantPolicy({ actor: f.admin, tenantId: f.tenant.id })).approvalRules.find((r) => r.toolId === tool.id);
    expect(rule).toMatchObject({ critical: true, mode: 'always', approvalsRequired: 2, approvalTtlMinutes: 15 });
  });

  it('approval expiry per tenant × tool: 1 to 1440 minutes, default 15, kept when omitted, applied and audited', async () => {
    const tool = await createFreshTool();
    const ttl = async () => {
      const ctx = await loadAccessContext({ tenantId: f.tenant.id, teamIds: [], userId: null });
      return resolveToolAccess(ctx, { teamIds: [], userId: null }, ctx.tools.find((t) => t.id === tool.id)!).approval.ttlMinutes;
    };
    const shown = async () => (await getTenantPolicy({ actor: f.admin, tenantId: f.tenant.id })).approvalRules.find((r) => r.toolId === tool.id)?.approvalTtlMinutes;
    expect([await ttl(), await shown()]).toEqual([15, 15]);
    const rule = { actor: f.admin, tenantId: f.tenant.id, toolId: tool.id, mode: 'always' as const, condition: null, approvalsRequired: 1 };
    expect(await setApprovalRule({ ...rule, approvalTtlMinutes: 60 })).toMatchObject({ approvalTtlMinutes: 60 });
    expect([await ttl(), await shown()]).toEqual([60, 60]);
    expect(await setApprovalRule({ ...rule, approvalsRequired: 2 })).toMatchObject({ approvalsRequired: 2, approvalTtlMinutes: 60 }); // omitted: unchanged
    expect(await ttl()).toBe(60);
    for (const [bad, error] of [[0, 'At least 1 minute.'], [1441, 'At most 1,440 minutes (24 hours).'], [2.5, 'Use a whole number of minutes.'], ['15', 'Give the expiry in minutes.']] as const) {
      const e = await errorOf(setApprovalRule({ ...rule, approvalTtlMinutes: bad as number }));
      expect([e?.code, e?.fieldErrors]).toEqual(['VALIDATION', { approvalTtlMinutes: [error] }]);
    }
    await setApprovalRule({ ...rule, approvalTtlMinutes: 1440 });
    expect(await ttl()).toBe(1440);
    const audit = await (await getDb()).auditEvent.findFirstOrThrow({ where: { action: 'approval_rule.updated', resourceId: `${f.tenant.slug}/${tool.slug}` }, orderBy: { createdAt: 'desc' } });
    expect(audit.details).toMatchObject({ before: { approvalTtlMinutes: 60 }, after: { approvalTtlMinutes: 1440 } });
  });

  it('refuses another tenant\'s admin and non-admins', async () => {
    expect((await errorOf(setEgressAllowlist({ actor: g.admin, tenantId: f.tenant.id, hosts: [] })))?.code).toBe('FORBIDDEN');
    expect((await errorOf(getTenantPolicy({ actor: g.admin, tenantId: f.tenant.id })))?.code).toBe('FORBIDDEN');
    const requester = { ...f.admin, roles: ['requester' as const] };
    expect((await errorOf(setDataScopes({ actor: requester, tenantId: f.tenant.id, scopes: [] })))?.code).toBe('FORBIDDEN');
  });
});
