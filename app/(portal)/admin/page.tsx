import { requirePagePermission } from '@/lib/server/auth/guard';
import { getPlatformOverview } from '@/lib/services/admin/get-platform-overview';
import { ROLE_LABELS } from '@/lib/schemas/identity';
import { PageHeader } from '@/components/ui/page-header';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';

export const metadata = { title: 'Admin' };

export default async function AdminPage() {
  const actor = await requirePagePermission('admin.access');
  const { tenants, users } = await getPlatformOverview({ actor });
  return (
    <>
      <PageHeader title="Platform administration" description="Tenants and the people who use the platform." />
      <Card className="mb-6">
        <CardHeader><CardTitle as="h2">Tenants</CardTitle></CardHeader>
        <CardContent>
          <Table>
            <THead><TR><TH>Tenant</TH><TH className="text-right">Teams</TH><TH className="text-right">Users</TH><TH className="text-right">Agent tokens</TH><TH className="text-right">Activation rules</TH></TR></THead>
            <TBody>
              {tenants.map((t) => (
                <TR key={t.id}>
                  <TD><span className="font-medium">{t.name}</span> <code className="text-xs text-muted-foreground">{t.slug}</code></TD>
                  <TD className="text-right">{t._count.teams}</TD><TD className="text-right">{t._count.users}</TD>
                  <TD className="text-right">{t._count.tokens}</TD><TD className="text-right">{t._count.activations}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
        </CardContent>
      </Card>
      <Card>
        <CardHeader><CardTitle as="h2">Users</CardTitle></CardHeader>
        <CardContent>
          <Table>
            <THead><TR><TH>User</TH><TH>Tenant</TH><TH>Roles</TH><TH>Last sign-in</TH></TR></THead>
            <TBody>
              {users.map((u) => (
                <TR key={u.id}>
                  <TD><div>{u.name}</div><div className="text-xs text-muted-foreground">{u.email}</div></TD>
                  <TD>{u.tenant?.slug ?? 'platform'}</TD>
                  <TD className="text-sm">{u.roles.map((r) => ROLE_LABELS[r]).join(', ')}</TD>
                  <TD className="text-xs">{u.lastLoginAt ? u.lastLoginAt.toISOString().slice(0, 16).replace('T', ' ') : 'never'}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
        </CardContent>
      </Card>
    </>
  );
}
