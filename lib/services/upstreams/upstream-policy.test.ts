import { describe, expect, it } from 'vitest';
import { can, navFor, type Actor } from '@/lib/policy';
import type { TRole } from '@/lib/schemas/identity';

const actor = (roles: TRole[], tenantId: string | null = 't1'): Actor => ({ kind: 'user', id: 'u', label: 'u', tenantId, teamIds: [], roles, via: 'portal', ip: null });

describe('upstream servers and trusted hosts in the policy', () => {
  it('tenant admins manage their tenant\'s upstream servers only; platform-wide ones are platform admins\'', () => {
    const tenantAdmin = actor(['tenant_admin']);
    expect(can(tenantAdmin, 'upstream.manage', { tenantId: 't1' })).toBe(true);
    expect(can(tenantAdmin, 'upstream.manage', { tenantId: 't2' })).toBe(false);
    expect(can(tenantAdmin, 'upstream.manage', { tenantId: null })).toBe(false);
    const platformAdmin = actor(['platform_admin'], null);
    expect(can(platformAdmin, 'upstream.manage', { tenantId: null })).toBe(true);
    expect(can(platformAdmin, 'upstream.manage', { tenantId: 't2' })).toBe(true);
    expect(can(actor(['requester']), 'upstream.read')).toBe(false);
    expect(can(actor(['tool_owner']), 'upstream.manage', { tenantId: 't1' })).toBe(false);
  });

  it('only platform admins keep the trusted internal hosts', () => {
    expect(can(actor(['platform_admin'], null), 'trusted_host.manage', { tenantId: 't1' })).toBe(true);
    expect(can(actor(['tenant_admin']), 'trusted_host.manage', { tenantId: 't1' })).toBe(false);
    expect(can(actor(['security_reviewer'], null), 'trusted_host.manage')).toBe(false);
    expect(can(actor(['tenant_admin']), 'trusted_host.read')).toBe(true);
  });

  it('the navigation shows upstream servers to those who manage them', () => {
    expect(navFor(actor(['tenant_admin'])).map((n) => n.href)).toContain('/admin/upstreams');
    expect(navFor(actor(['platform_admin'], null)).map((n) => n.href)).toContain('/admin/upstreams');
    expect(navFor(actor(['requester'])).map((n) => n.href)).not.toContain('/admin/upstreams');
  });
});
