// Pure: what an SSO sign-in gives a user from the identity provider's group claim and the tenant's mappings.
// Mapped roles and teams are synchronised at every sign-in; roles and teams that no mapping mentions are left
// as the admins set them (so a manual grant survives, and a group removed at the IdP removes what it gave).
import type { TRole } from '@/lib/schemas/identity';
import { TENANT_ROLES } from '@/lib/policy';

export interface SsoMappingRule {
  group: string;
  role: TRole | null;
  teamId: string | null;
}

export interface SsoAssignment {
  roles: TRole[];
  teamIds: string[];
  matchedGroups: string[];
}

/** The groups of an OpenID Connect claim: an array of strings, or one string (some IdPs send a single value). */
export function groupsOfClaim(claim: unknown): string[] {
  const raw = Array.isArray(claim) ? claim : typeof claim === 'string' ? [claim] : [];
  return [...new Set(raw.filter((g): g is string => typeof g === 'string').map((g) => g.trim()).filter(Boolean))];
}

export function applySsoMapping(rules: readonly SsoMappingRule[], groups: readonly string[], current: { roles: readonly TRole[]; teamIds: readonly string[] } | null): SsoAssignment {
  const inGroups = new Set(groups);
  const matched = rules.filter((r) => inGroups.has(r.group));
  // Only tenant roles ever come from a mapping, whatever a stored row says.
  const grantable = (r: TRole | null): r is TRole => r !== null && TENANT_ROLES.includes(r);
  const managedRoles = new Set(rules.map((r) => r.role).filter(grantable));
  const managedTeams = new Set(rules.map((r) => r.teamId).filter((t): t is string => t !== null));
  const mappedRoles = new Set(matched.map((r) => r.role).filter(grantable));
  const mappedTeams = new Set(matched.map((r) => r.teamId).filter((t): t is string => t !== null));
  const keptRoles = (current?.roles ?? []).filter((r) => !managedRoles.has(r));
  const keptTeams = (current?.teamIds ?? []).filter((t) => !managedTeams.has(t));
  return {
    roles: [...new Set([...keptRoles, ...mappedRoles])].sort(),
    teamIds: [...new Set([...keptTeams, ...mappedTeams])].sort(),
    matchedGroups: [...new Set(matched.map((r) => r.group))].sort(),
  };
}
