// The admin's user table (server-rendered rows, client actions per row), with its empty state and pagination.
import Link from 'next/link';
import { Users } from 'lucide-react';
import { ROLE_LABELS, type TRole } from '@/lib/schemas/identity';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { formatWhen, UserStatusBadge } from './status-badge';
import { UserRowActions } from './user-row-actions';
import type { UserFormContext } from './user-dialog';

export type UserRow = {
  id: string; email: string; name: string; roles: TRole[]; teamIds: string[]; status: 'active' | 'invited' | 'deactivated';
  lastLoginAt: Date | null; tenantId: string | null; tenantSlug: string | null; teamNames: string[];
};

export function UsersTable({ rows, total, page, pageSize, query, filtered, ctxFor, showTenant, actorId }: {
  rows: UserRow[]; total: number; page: number; pageSize: number; query: string; filtered: boolean;
  ctxFor: (u: UserRow) => UserFormContext | null; showTenant: boolean; actorId: string;
}) {
  if (rows.length === 0) {
    return <EmptyState icon={<Users />} title={filtered ? 'No user matches these filters' : 'No users yet'} description={filtered ? 'Change the search or clear the filters.' : 'Add a user or send an invitation.'} />;
  }
  return (
    <>
      <Table>
        <THead>
          <TR><TH>User</TH>{showTenant ? <TH>Tenant</TH> : null}<TH>Roles</TH><TH>Teams</TH><TH>Status</TH><TH>Last sign-in</TH><TH className="text-right">Actions</TH></TR>
        </THead>
        <TBody>
          {rows.map((u) => {
            const ctx = ctxFor(u);
            return (
              <TR key={u.id} data-testid={`user-row-${u.email}`}>
                <TD><div className="font-medium">{u.name}</div><div className="text-xs text-muted-foreground">{u.email}</div></TD>
                {showTenant ? <TD className="text-sm">{u.tenantSlug ?? 'platform'}</TD> : null}
                <TD className="text-sm">{u.roles.map((r) => ROLE_LABELS[r]).join(', ') || '—'}</TD>
                <TD className="text-sm">{u.teamNames.join(', ') || '—'}</TD>
                <TD><UserStatusBadge status={u.status} /></TD>
                <TD className="text-xs">{formatWhen(u.lastLoginAt)}</TD>
                <TD className="text-right">{ctx ? <UserRowActions ctx={ctx} user={u} status={u.status} self={u.id === actorId} /> : u.tenantId ? <Link className="text-sm text-primary hover:underline" href={`/admin/tenants/${u.tenantId}?q=${encodeURIComponent(u.email)}`}>Manage in tenant</Link> : null}</TD>
              </TR>
            );
          })}
        </TBody>
      </Table>
      <Pagination className="mt-4" page={page} pageCount={Math.ceil(total / pageSize)} total={total} pageSize={pageSize} query={query} label="User pages" />
    </>
  );
}
