import { describe, expect, it } from 'vitest';
import { assignableRoles, can, navFor, type Actor } from '@/lib/policy';
import type { TRole } from '@/lib/schemas/identity';

const actor = (roles: TRole[], tenantId: string | null): Actor => ({ kind: 'user', id: 'u', label: 'u', tenantId, teamIds: [], roles, via: 'portal', ip: null });

describe('administration permissions and role limits', () => {
  it('tenant admins grant tenant roles up to their own, only in their tenant; never platform roles', () => {
    const ta = actor(['tenant_admin'], 't1');
    expect(assignableRoles(ta, 't1')).toEqual(['requester', 'tool_owner', 'operator', 'tenant_admin']);
    expect(assignableRoles(ta, 't2')).toEqual([]);
    expect(assignableRoles(ta, null)).toEqual([]);
  });

  it('platform admins grant platform roles to staff and tenant roles to tenant users', () => {
    const pa = actor(['platform_admin'], null);
    expect(assignableRoles(pa, null)).toEqual(['platform_admin', 'security_reviewer', 'auditor']);
    expect(assignableRoles(pa, 't1')).toEqual(['requester', 'tool_owner', 'operator', 'tenant_admin']);
    // A platform_admin role held by a tenant user (never granted by this code) gives no cross-tenant grants.
    expect(assignableRoles(actor(['platform_admin'], 't1'), null)).toEqual([]);
  });

  it('tenant management is platform admins’ only; user management is also tenant admins’ in their tenant', () => {
    expect(can(actor(['tenant_admin'], 't1'), 'tenant.manage')).toBe(false);
    expect(can(actor(['platform_admin'], null), 'tenant.manage', { tenantId: 't1' })).toBe(true);
    expect(can(actor(['tenant_admin'], 't1'), 'user.manage', { tenantId: 't1' })).toBe(true);
    expect(can(actor(['tenant_admin'], 't1'), 'user.manage', { tenantId: 't2' })).toBe(false);
    for (const r of ['requester', 'tool_owner', 'operator', 'auditor', 'security_reviewer'] as const) expect(can(actor([r], r === 'auditor' || r === 'security_reviewer' ? null : 't1'), 'user.manage')).toBe(false);
  });

  it('the Admin entry shows for platform and tenant admins only', () => {
    expect(navFor(actor(['tenant_admin'], 't1')).map((n) => n.href)).toContain('/admin');
    expect(navFor(actor(['platform_admin'], null)).map((n) => n.href)).toContain('/admin');
    expect(navFor(actor(['operator'], 't1')).map((n) => n.href)).not.toContain('/admin');
    expect(navFor(actor(['auditor'], null)).map((n) => n.href)).not.toContain('/admin');
  });
});
