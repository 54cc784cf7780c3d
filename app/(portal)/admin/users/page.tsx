import { forbidden } from 'next/navigation';
import { can, PLATFORM_ROLES } from '@/lib/policy';
import { USER_STATUSES, ZFindUsersInput } from '@/lib/schemas/admin';
import { ROLE_LABELS, ROLES } from '@/lib/schemas/identity';
import { requirePagePermission } from '@/lib/server/auth/guard';
import { findUsers } from '@/lib/services/users/find-users';
import { AdminNav } from '@/components/admin/admin-nav';
import { ListFilters } from '@/components/admin/list-filters';
import { UserDialog } from '@/components/admin/user-dialog';
import { UsersTable } from '@/components/admin/users-table';
import { PageHeader } from '@/components/ui/page-header';

export const metadata = { title: 'All users · Admin' };

const STATUS_LABELS = { active: 'Active', invited: 'Invited', deactivated: 'Deactivated' } as const;

export default async function AllUsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePagePermission('user.manage');
  if (!can(actor, 'tenant.manage')) forbidden();
  const filters = ZFindUsersInput.parse(await searchParams);
  const { items, total, page, pageSize } = await findUsers({ actor, ...filters });
  const query = new URLSearchParams({ q: filters.q, role: filters.role, status: filters.status }).toString();
  const staffCtx = { tenantId: null, roles: PLATFORM_ROLES, teams: [] };
  return (
    <>
      <PageHeader title="Platform administration" description="Everyone who uses the platform. Platform staff (admins, security reviewers, auditors) belong to no tenant; tenant users are managed in their tenant." actions={<UserDialog ctx={staffCtx} />} />
      <AdminNav current="users" />
      <ListFilters
        q={filters.q}
        placeholder="Search users by name or email"
        selects={[
          { name: 'role', label: 'Role', value: filters.role, options: [{ value: '', label: 'Any role' }, ...ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))] },
          { name: 'status', label: 'Status', value: filters.status, options: [{ value: '', label: 'Any status' }, ...USER_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))] },
        ]}
      />
      <UsersTable
        rows={items} total={total} page={page} pageSize={pageSize} query={query} filtered={Boolean(filters.q || filters.role || filters.status)}
        ctxFor={(u) => (u.tenantId === null ? staffCtx : null)} showTenant actorId={actor.id}
      />
    </>
  );
}
