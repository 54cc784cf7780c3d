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
      <PageHeader title={`Approval rules — ${tenant.name}`} description="Which tool calls wait for a human, how many operators must approve, and how long a held call waits before it expires (refused). Critical tools always wait; for them a condition only decides when two operators are needed." />
      <SettingsNav tenant={tenant} tenants={tenants} />
      <ApprovalRules tenantId={tenant.id} rules={policy.approvalRules} />
    </>
  );
}
