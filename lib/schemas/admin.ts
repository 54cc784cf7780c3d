// Administration: tenants, teams, users, invitations and password resets, SSO group mappings. Isomorphic: the
// same schemas drive the forms, the server actions and the services.
import { z } from 'zod';
import { ZRole } from '@/lib/schemas/identity';

const id = (what: string) => z.string().trim().min(1, `Choose a ${what}.`).max(64);
const optionalId = z.preprocess((v) => (v === '' || v === undefined ? null : v), z.string().trim().min(1).max(64).nullable());
const int = (label: string, max: number) =>
  z.coerce.number({ message: `${label} must be a whole number.` }).int(`${label} must be a whole number.`).min(1, `${label} must be at least 1.`).max(max, `${label} must be at most ${max.toLocaleString('en-US')}.`);

export const ZTenantSlug = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, 'The slug needs at least 3 characters.')
  .max(40, 'The slug is at most 40 characters.')
  .regex(/^[a-z][a-z0-9-]*[a-z0-9]$/, 'Use lowercase letters, digits and hyphens, starting with a letter (e.g. "acme-eu").')
  .refine((s) => !s.includes('--'), 'Avoid two hyphens in a row.')
  .describe('URL-safe identifier of the tenant, fixed once created');

export const ZTenantName = z.string().trim().min(2, 'The name needs at least 2 characters.').max(100, 'The name is at most 100 characters.');

const DOMAIN = /^(?=.{3,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
export const ZSsoDomains = z
  .array(z.string().trim().toLowerCase().regex(DOMAIN, 'Give an email domain such as "acme.com".'))
  .max(20, 'At most 20 domains.')
  .transform((ds) => [...new Set(ds)].sort())
  .describe('Email domains whose first SSO sign-in is provisioned into this tenant');

export const ZCreateTenantInput = z.object({
  name: ZTenantName,
  slug: ZTenantSlug,
  defaultRequestsPerMinute: int('Requests per minute', 1_000_000).default(120),
  defaultCallsPerDay: int('Calls per day', 100_000_000).default(10_000),
  ssoDomains: ZSsoDomains.default([]),
});
export type TCreateTenantInput = z.input<typeof ZCreateTenantInput>;

export const ZUpdateTenantInput = z.object({ tenantId: id('tenant'), name: ZTenantName, ssoDomains: ZSsoDomains });
export type TUpdateTenantInput = z.input<typeof ZUpdateTenantInput>;

export const ZSetTenantSuspendedInput = z.object({
  tenantId: id('tenant'),
  suspended: z.boolean(),
  reason: z.string().trim().max(500, 'The reason is at most 500 characters.').optional(),
});
export type TSetTenantSuspendedInput = z.input<typeof ZSetTenantSuspendedInput>;

// List filters come from the URL: a malformed value falls back to "no filter" rather than failing the page.
const STATUS_PAGE = { q: z.string().trim().max(100).catch('').default(''), page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1) };
export const ZFindTenantsInput = z.object({ ...STATUS_PAGE, status: z.enum(['', 'active', 'suspended']).catch('').default('') });
export type TFindTenantsInput = z.input<typeof ZFindTenantsInput>;

// ─── Teams ───
export const ZTeamName = z.string().trim().min(2, 'The team name needs at least 2 characters.').max(60, 'The team name is at most 60 characters.');
export const ZCreateTeamInput = z.object({ tenantId: id('tenant'), name: ZTeamName });
export const ZRenameTeamInput = z.object({ tenantId: id('tenant'), teamId: id('team'), name: ZTeamName });
export const ZRemoveTeamInput = z.object({ tenantId: id('tenant'), teamId: id('team') });
export type TCreateTeamInput = z.input<typeof ZCreateTeamInput>;
export type TRenameTeamInput = z.input<typeof ZRenameTeamInput>;
export type TRemoveTeamInput = z.input<typeof ZRemoveTeamInput>;

/** A team's slug from its name: "Customer Support" → "customer-support". */
export function teamSlug(name: string): string {
  const s = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
  return s || 'team';
}

// ─── Users ───
export const ZPassword = z.string().min(12, 'Use at least 12 characters.').max(512, 'The password is at most 512 characters.');
const ZEmail = z.string().trim().toLowerCase().min(1, 'Enter an email address.').max(254, 'The email address is too long.').pipe(z.email('Enter a valid email address.'));
const ZPersonName = z.string().trim().min(1, 'Enter a name.').max(100, 'The name is at most 100 characters.');
const ZRoles = z.array(ZRole).min(1, 'Choose at least one role.').max(7).transform((rs) => [...new Set(rs)]);
const ZTeamIds = z.array(z.string().min(1).max(64)).max(100, 'At most 100 teams.').transform((ts) => [...new Set(ts)]);

export const ZCreateUserInput = z
  .object({
    tenantId: optionalId.describe('The tenant of the user; none for platform staff'),
    email: ZEmail,
    name: ZPersonName,
    roles: ZRoles,
    teamIds: ZTeamIds.default([]),
    mode: z.enum(['invite', 'password']).default('invite').describe('Send an invitation link, or set an initial password'),
    password: z.string().max(512).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.mode !== 'password') return;
    const r = ZPassword.safeParse(v.password ?? '');
    if (!r.success) ctx.addIssue({ code: 'custom', path: ['password'], message: r.error.issues[0]?.message ?? 'Enter a password.' });
  });
export type TCreateUserInput = z.input<typeof ZCreateUserInput>;

export const ZUpdateUserInput = z.object({ userId: id('user'), name: ZPersonName, roles: ZRoles, teamIds: ZTeamIds });
export type TUpdateUserInput = z.input<typeof ZUpdateUserInput>;

export const ZSetUserActiveInput = z.object({ userId: id('user'), active: z.boolean() });
export type TSetUserActiveInput = z.input<typeof ZSetUserActiveInput>;

export const ZIssueAccountLinkInput = z.object({ userId: id('user') });
export type TIssueAccountLinkInput = z.input<typeof ZIssueAccountLinkInput>;

export const USER_STATUSES = ['active', 'invited', 'deactivated'] as const;
export const ZFindUsersInput = z.object({
  ...STATUS_PAGE,
  tenantId: optionalId.optional().catch(undefined),
  role: z.union([ZRole, z.literal('')]).catch('').default(''),
  status: z.enum(['', ...USER_STATUSES]).catch('').default(''),
});
export type TFindUsersInput = z.input<typeof ZFindUsersInput>;

// ─── Invitations and password resets ───
export const ACCOUNT_LINK_TTL_HOURS = { invite: 72, password_reset: 2 } as const;
export const ZAccountLinkToken = z.string().trim().regex(/^[A-Za-z0-9_-]{43}$/, 'This link is not valid.');

export const ZAcceptAccountLinkInput = z
  .object({ token: ZAccountLinkToken, password: ZPassword, confirm: z.string().max(512) })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'The two passwords differ.' });
export type TAcceptAccountLinkInput = z.input<typeof ZAcceptAccountLinkInput>;

// ─── SSO group mappings ───
export const ZSsoGroupMappingInput = z
  .object({
    tenantId: id('tenant'),
    group: z.string().trim().min(1, 'Enter the group name as the identity provider sends it.').max(200, 'The group name is at most 200 characters.'),
    role: z.preprocess((v) => (v === '' ? null : v), ZRole.nullable().default(null)),
    teamId: optionalId.default(null),
  })
  .refine((v) => v.role !== null || v.teamId !== null, { path: ['role'], message: 'Choose a role, a team, or both.' });
export type TSsoGroupMappingInput = z.input<typeof ZSsoGroupMappingInput>;

export const ZDeleteSsoGroupMappingInput = z.object({ tenantId: id('tenant'), mappingId: id('mapping') });
export type TDeleteSsoGroupMappingInput = z.input<typeof ZDeleteSsoGroupMappingInput>;
