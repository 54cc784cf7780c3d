import { describe, expect, it } from 'vitest';
import { applySsoMapping, groupsOfClaim, type SsoMappingRule } from './sso-mapping';

const rules: SsoMappingRule[] = [
  { group: 'mcp-users', role: 'requester', teamId: null },
  { group: 'finance', role: null, teamId: 'team-fin' },
  { group: 'finance-ops', role: 'operator', teamId: 'team-fin' },
  { group: 'it-admins', role: 'tenant_admin', teamId: null },
  { group: 'rogue', role: 'platform_admin', teamId: 'team-x' },
];

describe('SSO group mapping', () => {
  it('first sign-in: exactly the roles and teams of the matched groups', () => {
    expect(applySsoMapping(rules, ['mcp-users', 'finance', 'unknown'], null)).toEqual({ roles: ['requester'], teamIds: ['team-fin'], matchedGroups: ['finance', 'mcp-users'] });
  });

  it('no matched group gives nothing', () => {
    expect(applySsoMapping(rules, ['nothing'], null)).toEqual({ roles: [], teamIds: [], matchedGroups: [] });
  });

  it('never grants a platform role, even from a stored mapping', () => {
    expect(applySsoMapping(rules, ['rogue'], null)).toEqual({ roles: [], teamIds: ['team-x'], matchedGroups: ['rogue'] });
  });

  it('later sign-ins: mapped roles and teams follow the groups, manual ones stay', () => {
    const current = { roles: ['requester', 'operator', 'tool_owner'] as const, teamIds: ['team-fin', 'team-manual'] };
    // Left finance-ops and finance at the IdP: operator and team-fin go, tool_owner and team-manual (unmapped) stay.
    expect(applySsoMapping(rules, ['mcp-users'], { roles: [...current.roles], teamIds: current.teamIds })).toEqual({ roles: ['requester', 'tool_owner'], teamIds: ['team-manual'], matchedGroups: ['mcp-users'] });
    // Joined it-admins: tenant_admin is added.
    expect(applySsoMapping(rules, ['mcp-users', 'it-admins', 'finance'], { roles: ['requester'], teamIds: [] }).roles).toEqual(['requester', 'tenant_admin']);
  });

  it('reads the group claim as an array or a single string, ignoring other values', () => {
    expect(groupsOfClaim(['a', ' b ', 'a', 3, ''])).toEqual(['a', 'b']);
    expect(groupsOfClaim('solo')).toEqual(['solo']);
    expect(groupsOfClaim(undefined)).toEqual([]);
    expect(groupsOfClaim({ a: 1 })).toEqual([]);
  });
});
