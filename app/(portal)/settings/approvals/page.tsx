import { requirePagePermission } from '@/lib/server/auth/guard';
import { loadSettingsTenant } from '@/app/(portal)/settings/load-tenant';
import { getTenantPolicy } from '@/lib/services/tenant-policy/get-tenant-policy';
import { PageHeader } from '@/components/ui/page-header';
import { SettingsNav } from '@/components/settings/settings-nav';
import { ApprovalRules } from '@/components/settings/approval-rules';

export const metadata = { title: 'Approval rules · Settings' };

export default async function ApprovalRulesPage({ searchParams }: { searchParams: Promise<{ tenant?: string }> }) {
  const actor = await requirePagePermission('settings.read');
  const { tenant, tenants } = await loadSettingsTenant(actor, searchParams);
  const policy = await getTenantPolicy({ actor, tenantId: tenant.id });
  return (
    <>
      <PageHeader title={`Approval rules — ${tenant.name}`} description="Which tool calls wait for a human: always, never, or when a condition on the arguments holds; and whether one or two operators must approve." />
      <SettingsNav tenant={tenant} tenants={tenants} />
      <ApprovalRules tenantId={tenant.id} rules={policy.approvalRules} />
    </>
  );
}
