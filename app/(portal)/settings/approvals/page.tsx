import { requirePagePermission } from '@/lib/server/auth/guard';
import { loadSettingsTenant } from '@/app/(portal)/settings/load-tenant';
import { getTenantPolicy } from '@/lib/services/tenant-policy/get-tenant-policy';
import { PageHeader } from '@/components/ui/page-header';
import { SettingsNav } from '@/components/settings/settings-nav';
import { ApprovalRules } from '@/components/settings/approval-rules';
import { ApprovalWebhookForm } from '@/components/settings/approval-webhook-form';
import { can } from '@/lib/policy';
import { getApprovalWebhook } from '@/lib/services/tenant-policy/set-approval-webhook';

export const metadata = { title: 'Approval rules · Settings' };

export default async function ApprovalRulesPage({ searchParams }: { searchParams: Promise<{ tenant?: string }> }) {
  const actor = await requirePagePermission('settings.read');
  const { tenant, tenants } = await loadSettingsTenant(actor, searchParams);
  const [policy, webhook] = await Promise.all([getTenantPolicy({ actor, tenantId: tenant.id }), getApprovalWebhook({ actor, tenantId: tenant.id })]);
  return (
    <>
      <PageHeader title={`Approval rules — ${tenant.name}`} description="Which tool calls wait for a human, how many operators must approve, and how long a held call waits before it expires (refused). Critical tools always wait; for them a condition only decides when two operators are needed." />
      <SettingsNav tenant={tenant} tenants={tenants} />
      <div className="grid gap-6">
        <ApprovalRules tenantId={tenant.id} rules={policy.approvalRules} />
        <ApprovalWebhookForm tenantId={tenant.id} initial={webhook} canEdit={can(actor, 'tenant_policy.manage', { tenantId: tenant.id })} />
      </div>
    </>
  );
}
