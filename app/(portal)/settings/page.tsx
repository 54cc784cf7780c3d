import { requirePagePermission } from '@/lib/server/auth/guard';
import { getDb } from '@/lib/server/db/client';
import { tenantScope } from '@/lib/policy';
import { PageHeader } from '@/components/ui/page-header';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';

export const metadata = { title: 'Settings' };

export default async function SettingsPage() {
  const actor = await requirePagePermission('settings.read');
  const db = await getDb();
  const policies = await db.tenantPolicy.findMany({ where: tenantScope(actor), include: { tenant: true } });
  return (
    <>
      <PageHeader title="Tenant settings" />
      <div className="grid gap-4 md:grid-cols-2">
        {policies.map((p) => (
          <Card key={p.tenantId}><CardHeader><CardTitle>{p.tenant.name}</CardTitle></CardHeader>
            <CardContent className="text-sm">Egress allowlist: {p.egressAllowlist.join(', ') || 'none'}</CardContent></Card>
        ))}
      </div>
    </>
  );
}
