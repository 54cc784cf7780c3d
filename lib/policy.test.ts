import { describe, expect, it } from 'vitest';
import { can, navFor, PERMISSIONS, type Actor, type Permission } from './policy';
import { ROLES, type TRole } from './schemas/identity';

function actor(roles: TRole[], tenantId: string | null = 't1', id = 'u1'): Actor {
  return { kind: 'user', id, label: id, tenantId, teamIds: [], roles, via: 'portal', ip: null };
}

describe('policy', () => {
  it('grants each permission exactly to its listed roles and refuses every other role', () => {
    for (const [perm, roles] of Object.entries(PERMISSIONS) as [Permission, readonly TRole[]][]) {
      for (const role of ROLES) {
        expect(can(actor([role]), perm), `${role} → ${perm}`).toBe(roles.includes(role));
      }
    }
  });

  it('refuses anonymous callers', () => {
    expect(can(null, 'catalogue.read')).toBe(false);
  });

  it('never lets a tenant user read another tenant', () => {
    expect(can(actor(['tenant_admin'], 't1'), 'audit.read', { tenantId: 't2' })).toBe(false);
    expect(can(actor(['tenant_admin'], 't1'), 'audit.read', { tenantId: 't1' })).toBe(true);
  });

  it('lets platform staff without a tenant act across tenants', () => {
    expect(can(actor(['auditor'], null), 'audit.read', { tenantId: 't2' })).toBe(true);
    expect(can(actor(['security_reviewer'], null), 'tool_request.review', { tenantId: 't2', requesterId: 'x' })).toBe(true);
  });

  it('refuses self-review (four-eyes)', () => {
    expect(can(actor(['security_reviewer'], null, 'me'), 'tool_request.review', { tenantId: 't1', requesterId: 'me' })).toBe(false);
  });

  it('refuses self-approval of a tool version (the author is the requester)', () => {
    expect(can(actor(['security_reviewer'], null, 'me'), 'tool_version.review', { requesterId: 'me' })).toBe(false);
    expect(can(actor(['security_reviewer'], null, 'me'), 'tool_version.review', { requesterId: 'other' })).toBe(true);
    expect(can(actor(['platform_admin'], null, 'me'), 'tool_request.publish', { tenantId: 't1', requesterId: 'me' })).toBe(false);
  });

  it('refuses approving a held call made by a token acting for the operator or created by them', () => {
    const op = actor(['operator'], 't1', 'op');
    expect(can(op, 'approval.decide', { tenantId: 't1', actsForUserId: 'op' })).toBe(false);
    expect(can(op, 'approval.decide', { tenantId: 't1', tokenCreatorId: 'op' })).toBe(false);
    expect(can(op, 'approval.decide', { tenantId: 't2' })).toBe(false);
    expect(can(op, 'approval.decide', { tenantId: 't1', actsForUserId: 'someone', tokenCreatorId: 'admin' })).toBe(true);
  });

  it('lets tool owners edit only their tools', () => {
    expect(can(actor(['tool_owner'], 't1', 'o1'), 'tool.edit', { ownerUserId: 'o1' })).toBe(true);
    expect(can(actor(['tool_owner'], 't1', 'o1'), 'tool.edit', { ownerUserId: 'o2' })).toBe(false);
  });

  it('lets tool owners run contract tests of their tools only; reviewers and platform admins of any', () => {
    expect(can(actor(['tool_owner'], 't1', 'o1'), 'tool_contract.run', { ownerUserId: 'o1' })).toBe(true);
    expect(can(actor(['tool_owner'], 't1', 'o1'), 'tool_contract.run', { ownerUserId: 'o2' })).toBe(false);
    expect(can(actor(['security_reviewer'], null, 'r1'), 'tool_contract.run', { ownerUserId: 'o2' })).toBe(true);
    expect(can(actor(['platform_admin'], null, 'a1'), 'tool_contract.run', { ownerUserId: null })).toBe(true);
    expect(can(actor(['requester'], 't1', 'o1'), 'tool_contract.run', { ownerUserId: 'o1' })).toBe(false);
  });

  it('builds navigation by role', () => {
    expect(navFor(actor(['requester'])).map((n) => n.label)).toEqual(['Catalogue', 'My requests', 'Connected apps']);
    expect(navFor(actor(['platform_admin'], null)).map((n) => n.label)).toEqual(expect.arrayContaining(['Admin', 'Upstream servers', 'Candidates', 'Metrics']));
    expect(navFor(actor(['operator'])).map((n) => n.label)).not.toContain('Admin');
    expect(navFor(null)).toEqual([]);
  });
});
