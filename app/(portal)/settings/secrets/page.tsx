import { requirePagePermission } from '@/lib/server/auth/guard';
import { loadSettingsTenant } from '@/app/(portal)/settings/load-tenant';
import { findSecrets } from '@/lib/services/secrets/find-secrets';
import { PageHeader } from '@/components/ui/page-header';
import { SettingsNav } from '@/components/settings/settings-nav';
import { SecretsManager } from '@/components/settings/secrets-manager';

export const metadata = { title: 'Secrets · Settings' };

export default async function SecretsPage({ searchParams }: { searchParams: Promise<{ tenant?: string }> }) {
  const actor = await requirePagePermission('secret.manage');
  const { tenant, tenants } = await loadSettingsTenant(actor, searchParams);
  const view = await findSecrets({ actor, tenantId: tenant.id });
  return (
    <>
      <PageHeader title={`Secrets — ${tenant.name}`} description="Credentials the tools use on your behalf (GitHub token, SMTP). Write-only: set, replace or delete; a value is never shown again." />
      <SettingsNav tenant={tenant} tenants={tenants} />
      <SecretsManager key={tenant.id} tenantId={tenant.id} view={view} />
    </>
  );
}
