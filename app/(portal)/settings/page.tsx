import { requirePagePermission } from '@/lib/server/auth/guard';
import { loadSettingsTenant } from '@/app/(portal)/settings/load-tenant';
import { getTenantPolicy } from '@/lib/services/tenant-policy/get-tenant-policy';
import { PageHeader } from '@/components/ui/page-header';
import { SettingsNav } from '@/components/settings/settings-nav';
import { EgressForm } from '@/components/settings/egress-form';
import { PiiForm } from '@/components/settings/pii-form';
import { DataScopesForm, DefaultLimitsForm } from '@/components/settings/data-scopes-form';

export const metadata = { title: 'Settings' };

export default async function SettingsPage({ searchParams }: { searchParams: Promise<{ tenant?: string }> }) {
  const actor = await requirePagePermission('settings.read');
  const { tenant, tenants } = await loadSettingsTenant(actor, searchParams);
  const policy = await getTenantPolicy({ actor, tenantId: tenant.id });
  return (
    <>
      <PageHeader title={`Settings — ${tenant.name}`} description="Policies every tool call of this tenant runs under: where tools may connect, what is redacted, which data sql_query may read and the default limits. Every change is audited and applies to the next call." />
      <SettingsNav tenant={tenant} tenants={tenants} />
      <div className="grid gap-6">
        <EgressForm key={`egress-${tenant.id}`} tenantId={tenant.id} initial={policy.egressAllowlist} />
        <PiiForm key={`pii-${tenant.id}`} tenantId={tenant.id} initial={policy.piiRules} />
        <div className="grid gap-6 lg:grid-cols-2">
          <DataScopesForm key={`scopes-${tenant.id}`} tenantId={tenant.id} initial={policy.dataScopes} />
          <DefaultLimitsForm key={`limits-${tenant.id}`} tenantId={tenant.id} initial={policy.defaults} />
        </div>
      </div>
    </>
  );
}
