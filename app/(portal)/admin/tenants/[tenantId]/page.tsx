import Link from 'next/link';
import { notFound } from 'next/navigation';
import { assignableRoles, can } from '@/lib/policy';
import { USER_STATUSES, ZFindUsersInput } from '@/lib/schemas/admin';
import { ROLE_LABELS } from '@/lib/schemas/identity';
import { requirePagePermission } from '@/lib/server/auth/guard';
import { getTenantForAdmin } from '@/lib/services/tenants/get-tenant-for-admin';
import { findUsers } from '@/lib/services/users/find-users';
import { ListFilters } from '@/components/admin/list-filters';
import { SsoMappingsPanel } from '@/components/admin/sso-mappings-panel';
import { TenantStatusBadge } from '@/components/admin/status-badge';
import { TeamsPanel } from '@/components/admin/teams-panel';
import { TenantSettings } from '@/components/admin/tenant-settings';
import { UserDialog } from '@/components/admin/user-dialog';
import { UsersTable } from '@/components/admin/users-table';
import { PageHeader } from '@/components/ui/page-header';
import { cn } from '@/lib/utils';

export const metadata = { title: 'Tenant · Admin' };

const TABS = [
  { key: 'users', label: 'Users' },
  { key: 'teams', label: 'Teams' },
  { key: 'sso', label: 'SSO mappings' },
  { key: 'settings', label: 'Tenant settings', platformOnly: true },
] as const;
type Tab = (typeof TABS)[number]['key'];
const STATUS_LABELS = { active: 'Active', invited: 'Invited', deactivated: 'Deactivated' } as const;

export default async function TenantAdminPage({ params, searchParams }: { params: Promise<{ tenantId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePagePermission('user.manage');
  const { tenantId } = await params;
  // Another tenant's id is answered like an unknown one: 404.
  const tenant = await getTenantForAdmin({ actor, tenantId });
  if (!tenant) notFound();
  const sp = await searchParams;
  const platform = can(actor, 'tenant.manage');
  const tabs = TABS.filter((t) => !('platformOnly' in t) || platform);
  const tab: Tab = tabs.find((t) => t.key === sp.tab)?.key ?? 'users';
  const roles = assignableRoles(actor, tenant.id);
  const teams = tenant.teams.map((t) => ({ id: t.id, name: t.name }));
  return (
    <>
      <PageHeader
        eyebrow={platform ? <Link href="/admin" className="hover:underline">← All tenants</Link> : undefined}
        title={<span className="inline-flex items-center gap-3">{tenant.name} <TenantStatusBadge suspendedAt={tenant.suspendedAt} /></span>}
        description={<>Tenant <code>{tenant.slug}</code>: its users, teams and single sign-on.{platform ? '' : ' Policies and agent tokens are in Settings.'}</>}
      />
      <nav aria-label="Tenant administration" className="mb-6 flex gap-1 border-b border-border">
        {tabs.map((t) => (
          <Link key={t.key} href={`?tab=${t.key}`} aria-current={tab === t.key ? 'page' : undefined} className={cn('-mb-px border-b-2 px-3 py-2 text-sm', tab === t.key ? 'border-primary font-medium text-foreground' : 'border-transparent text-muted-foreground hover:text-foreground')}>
            {t.label}
          </Link>
        ))}
      </nav>
      {tab === 'users' ? <UsersTab actor={actor} tenantId={tenant.id} sp={sp} ctx={{ tenantId: tenant.id, roles, teams }} /> : null}
      {tab === 'teams' ? <TeamsPanel tenantId={tenant.id} teams={tenant.teams} /> : null}
      {tab === 'sso' ? <SsoMappingsPanel tenantId={tenant.id} mappings={tenant.ssoMappings} roles={roles} teams={teams} ssoDomains={tenant.ssoDomains} /> : null}
      {tab === 'settings' && platform ? <TenantSettings tenant={tenant} /> : null}
    </>
  );
}

async function UsersTab({ actor, tenantId, sp, ctx }: { actor: Awaited<ReturnType<typeof requirePagePermission>>; tenantId: string; sp: Record<string, string | string[] | undefined>; ctx: { tenantId: string; roles: ReturnType<typeof assignableRoles>; teams: { id: string; name: string }[] } }) {
  const filters = ZFindUsersInput.parse({ ...sp, tenantId });
  const { items, total, page, pageSize } = await findUsers({ actor, ...filters });
  const query = new URLSearchParams({ tab: 'users', q: filters.q, role: filters.role, status: filters.status }).toString();
  return (
    <>
      <div className="mb-4 flex flex-col gap-2 sm:flex-row sm:items-end sm:justify-between">
        <ListFilters
          q={filters.q}
          placeholder="Search users by name or email"
          hidden={{ tab: 'users' }}
          selects={[
            { name: 'role', label: 'Role', value: filters.role, options: [{ value: '', label: 'Any role' }, ...ctx.roles.map((r) => ({ value: r, label: ROLE_LABELS[r] }))] },
            { name: 'status', label: 'Status', value: filters.status, options: [{ value: '', label: 'Any status' }, ...USER_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))] },
          ]}
        />
        <div className="mb-4"><UserDialog ctx={ctx} /></div>
      </div>
      <UsersTable rows={items} total={total} page={page} pageSize={pageSize} query={query} filtered={Boolean(filters.q || filters.role || filters.status)} ctxFor={() => ctx} showTenant={false} actorId={actor.id} />
    </>
  );
}
