// The one policy module: can(actor, 'resource.action', resource?). Pure, isomorphic, no I/O.
// Services call assertCan before touching data; the UI calls can() to hide what a role cannot do.
import { AppError } from '@/lib/errors';
import type { TRole } from '@/lib/schemas/identity';

export interface Actor {
  kind: 'user' | 'agent' | 'system';
  id: string;
  label: string;
  tenantId: string | null; // null: platform staff (no tenant)
  teamIds: string[];
  roles: TRole[];
  via: 'portal' | 'api' | 'mcp' | 'cli' | 'seed';
  ip: string | null;
  tokenId?: string;
  scopes?: string[];
}

const ALL: TRole[] = ['requester', 'tool_owner', 'security_reviewer', 'operator', 'tenant_admin', 'platform_admin', 'auditor'];

export const PERMISSIONS = {
  'catalogue.read': ALL,
  'tool.edit': ['tool_owner', 'platform_admin'],
  'tool.kill_global': ['platform_admin'],
  'tool.declare': ['tool_owner', 'platform_admin'],
  // Sandbox ("Try it"): any tenant member; the service also requires the tool to be enabled for the user.
  'tool.sandbox': ['requester', 'tool_owner', 'security_reviewer', 'operator', 'tenant_admin', 'platform_admin'],
  'tool_request.create': ['requester', 'tool_owner', 'tenant_admin'],
  'tool_request.read': ALL,
  'tool_request.review': ['security_reviewer', 'platform_admin'],
  'tool_request.publish': ['security_reviewer', 'platform_admin'],
  'tool_request.deprecate': ['security_reviewer', 'platform_admin'],
  'tool_version.review': ['security_reviewer', 'platform_admin'],
  // Contract tests: the owner (own tools only, rule below), reviewers before approving, platform admins.
  'tool_contract.run': ['tool_owner', 'security_reviewer', 'platform_admin'],
  'activation.read': ['tenant_admin', 'platform_admin', 'auditor'],
  'activation.manage': ['tenant_admin', 'platform_admin'],
  'tenant_policy.manage': ['tenant_admin', 'platform_admin'],
  'secret.manage': ['tenant_admin', 'platform_admin'],
  'agent_token.read': ['tenant_admin', 'platform_admin', 'auditor'],
  'agent_token.manage': ['tenant_admin', 'platform_admin'],
  'approval.read': ['operator', 'tenant_admin', 'platform_admin', 'auditor'],
  'approval.decide': ['operator', 'platform_admin'],
  'approval.reveal': ['operator', 'platform_admin'],
  'audit.read': ['auditor', 'platform_admin', 'tenant_admin'],
  'metrics.read': ['tenant_admin', 'platform_admin', 'auditor', 'tool_owner', 'operator', 'security_reviewer'],
  // Candidates board: value against risk of requested and candidate tools, to prioritise the work.
  'candidates.read': ['platform_admin', 'security_reviewer'],
  'settings.read': ['tenant_admin', 'platform_admin'],
  'admin.access': ['platform_admin'],
  'tenant.manage': ['platform_admin'],
  'user.manage': ['platform_admin', 'tenant_admin'],
  // OAuth for MCP clients: any tenant member connects clients to their own tools and sees their own connections.
  'oauth.consent': ['requester', 'tool_owner', 'operator', 'tenant_admin'],
  'oauth_connection.read_own': ALL,
  'oauth_connection.read': ['tenant_admin', 'platform_admin', 'auditor'],
  'oauth_connection.manage': ['tenant_admin', 'platform_admin'],
  'oauth_client.manage': ['platform_admin'],
  // Upstream MCP servers: tenant admins for their tenant's, platform admins for all (platform-wide ones: only them).
  'upstream.read': ['tenant_admin', 'platform_admin', 'security_reviewer', 'auditor'],
  'upstream.manage': ['tenant_admin', 'platform_admin'],
  // Trusted internal hosts (private destinations of upstream and HTTP tools): kept by platform admins.
  'trusted_host.read': ['tenant_admin', 'platform_admin', 'security_reviewer', 'auditor'],
  'trusted_host.manage': ['platform_admin'],
} as const satisfies Record<string, readonly TRole[]>;

export type Permission = keyof typeof PERMISSIONS;

/** Roles whose members may act across tenants (they belong to none). */
const CROSS_TENANT: TRole[] = ['platform_admin', 'security_reviewer', 'auditor'];

export interface PolicyResource {
  tenantId?: string | null;
  requesterId?: string;
  ownerUserId?: string | null;
  /** A held call's agent token: the user it acts for and the user who created it (no self-approval). */
  actsForUserId?: string | null;
  tokenCreatorId?: string | null;
}

export function hasRole(actor: Pick<Actor, 'roles'>, permission: Permission): boolean {
  const allowed: readonly TRole[] = PERMISSIONS[permission];
  return actor.roles.some((r) => allowed.includes(r));
}

export function canCrossTenants(actor: Pick<Actor, 'roles' | 'tenantId'>): boolean {
  return actor.tenantId === null && actor.roles.some((r) => CROSS_TENANT.includes(r));
}

export function can(actor: Actor | null | undefined, permission: Permission, resource?: PolicyResource): boolean {
  if (!actor) return false;
  if (!hasRole(actor, permission)) return false;
  if (resource) {
    // A tenant never sees another tenant's data.
    if (resource.tenantId !== undefined && resource.tenantId !== null && !canCrossTenants(actor) && actor.tenantId !== resource.tenantId) {
      return false;
    }
    // Four-eyes: nobody reviews or publishes their own request.
    if ((permission === 'tool_request.review' || permission === 'tool_request.publish' || permission === 'tool_version.review') && resource.requesterId === actor.id) return false;
    // Nobody approves a call made by a token that acts for them or that they created.
    if (permission === 'approval.decide' && (resource.actsForUserId === actor.id || resource.tokenCreatorId === actor.id)) return false;
    // A platform-wide upstream server (tenantId null) is managed by platform admins only.
    if (permission === 'upstream.manage' && resource.tenantId === null && !actor.roles.includes('platform_admin')) return false;
    // Tool owners edit only the tools they own; platform admins edit any.
    if (permission === 'tool.edit' && !actor.roles.includes('platform_admin') && resource.ownerUserId !== actor.id) return false;
    if (permission === 'tool_contract.run' && !actor.roles.includes('platform_admin') && !actor.roles.includes('security_reviewer') && resource.ownerUserId !== actor.id) return false;
  }
  return true;
}

/** Roles a tenant's members may hold, and roles of platform staff (who belong to no tenant). */
export const TENANT_ROLES: readonly TRole[] = ['requester', 'tool_owner', 'operator', 'tenant_admin'];
export const PLATFORM_ROLES: readonly TRole[] = ['platform_admin', 'security_reviewer', 'auditor'];

/**
 * The roles an actor may grant to a user of `tenantId` (null: platform staff). Tenant admins grant up to their own
 * role inside their tenant, never platform roles; platform admins grant any role that fits the user's place.
 */
export function assignableRoles(actor: Pick<Actor, 'roles' | 'tenantId'>, tenantId: string | null): readonly TRole[] {
  if (actor.roles.includes('platform_admin') && actor.tenantId === null) return tenantId === null ? PLATFORM_ROLES : TENANT_ROLES;
  if (actor.roles.includes('tenant_admin') && tenantId !== null && actor.tenantId === tenantId) return TENANT_ROLES;
  return [];
}

export function assertCan(actor: Actor | null | undefined, permission: Permission, resource?: PolicyResource): asserts actor is Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (!can(actor, permission, resource)) {
    throw new AppError('FORBIDDEN', { userMessage: `You do not have permission to do this (${permission}).` });
  }
}

/** Prisma where-fragment restricting a list to the rows the actor's tenant may read. */
export function tenantScope(actor: Actor): { tenantId?: string } {
  if (canCrossTenants(actor)) return {};
  return { tenantId: actor.tenantId ?? '__none__' };
}

export interface NavItem {
  href: string;
  label: string;
  permission: Permission;
}

export const NAV: NavItem[] = [
  { href: '/catalogue', label: 'Catalogue', permission: 'catalogue.read' },
  { href: '/requests', label: 'My requests', permission: 'tool_request.create' },
  { href: '/reviews', label: 'Reviews', permission: 'tool_request.review' },
  { href: '/candidates', label: 'Candidates', permission: 'candidates.read' },
  { href: '/activation', label: 'Activation', permission: 'activation.manage' },
  { href: '/approvals', label: 'Approvals', permission: 'approval.read' },
  { href: '/audit', label: 'Audit', permission: 'audit.read' },
  { href: '/metrics', label: 'Metrics', permission: 'metrics.read' },
  { href: '/connected-apps', label: 'Connected apps', permission: 'oauth_connection.read_own' },
  { href: '/settings', label: 'Settings', permission: 'settings.read' },
  { href: '/admin/upstreams', label: 'Upstream servers', permission: 'upstream.manage' },
  { href: '/admin', label: 'Admin', permission: 'user.manage' },
];

export function navFor(actor: Actor | null): NavItem[] {
  return NAV.filter((n) => can(actor, n.permission));
}
