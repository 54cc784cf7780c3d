import { ApprovalsInbox } from '@/components/approvals/approvals-inbox';
import { PageHeader } from '@/components/ui/page-header';
import { can, canCrossTenants } from '@/lib/policy';
import { ZApprovalId } from '@/lib/schemas/approvals';
import { requirePagePermission } from '@/lib/server/auth/guard';

export const metadata = { title: 'Approvals' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// The inbox loads and polls its lists in the browser (/api/v1/approvals); the page reads the URL state and what the
// actor may do, so controls the role cannot use are never shown.
export default async function ApprovalsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePagePermission('approval.read');
  const sp = await searchParams;
  const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : '');
  const tab = one(sp.tab) === 'history' ? 'history' : 'pending';
  const q = one(sp.q).trim().slice(0, 200);
  const id = ZApprovalId.safeParse(one(sp.id));
  const perms = { reveal: can(actor, 'approval.reveal'), audit: can(actor, 'audit.read'), crossTenant: canCrossTenants(actor) };
  return (
    <>
      <PageHeader
        title="Approval inbox"
        description={`Critical calls (payments, deletions, external sends) and calls caught by a tenant rule wait here for an operator's decision before they run${actor.tenantName ? ` (${actor.tenantName})` : ' (all tenants)'}. ${can(actor, 'approval.decide') ? 'Approve to run the call exactly as shown, or deny with a reason the agent will read.' : 'Your role can follow approvals but not decide them.'}`}
      />
      <ApprovalsInbox key={`${tab}|${q}|${id.data ?? ''}`} initialTab={tab} initialQ={q} focusId={id.success ? id.data : null} perms={perms} />
    </>
  );
}
