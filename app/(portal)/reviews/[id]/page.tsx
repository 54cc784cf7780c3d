import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requirePagePermission } from '@/lib/server/auth/guard';
import { isAppError } from '@/lib/errors';
import { can } from '@/lib/policy';
import { getToolRequestOrThrow } from '@/lib/services/tool-requests/get-tool-request';
import { PageHeader } from '@/components/ui/page-header';
import { Alert } from '@/components/ui/alert';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { CommentForm } from '@/components/requests/comment-form';
import { RequestSummary } from '@/components/requests/request-summary';
import { RiskPanel } from '@/components/requests/risk-panel';
import { StatusBadge } from '@/components/requests/status-badge';
import { Timeline } from '@/components/requests/timeline';
import { DecisionForm } from '@/components/reviews/decision-form';
import { SimpleActionForm } from '@/components/reviews/simple-action-form';
import { commentOnToolRequestAction } from '../../requests/actions';
import { decideToolRequestAction, deprecateToolRequestAction, publishToolRequestAction, startReviewAction } from '../actions';

export const metadata = { title: 'Review a tool request' };

export default async function ReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePagePermission('tool_request.review');
  const { id } = await params;
  const r = await getToolRequestOrThrow({ actor, id }).catch((e: unknown) => {
    if (isAppError(e) && e.code === 'NOT_FOUND') notFound();
    throw e;
  });
  const own = r.requesterId === actor.id;
  const mayReview = can(actor, 'tool_request.review', r);
  const alreadyApproved = r.reviews.some((d) => d.round === r.round && d.reviewerId === actor.id && d.outcome === 'approve');
  return (
    <>
      <PageHeader
        eyebrow={<Link href="/reviews" className="hover:underline">Security review</Link>}
        title={<span className="flex flex-wrap items-center gap-3">{r.title}<StatusBadge status={r.status} /></span>}
        description={`${r.tenantName} · requested by ${r.requester}${r.submittedAt ? ` · submitted ${r.submittedAt.slice(0, 16).replace('T', ' ')} UTC` : ''} · round ${r.round}`}
      />
      {own ? <Alert variant="warning" title="Four-eyes rule" className="mb-4">You filed this request, so you cannot review, approve or publish it. Another reviewer must.</Alert> : null}
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <div className="space-y-6">
          <Card><CardHeader><CardTitle as="h2">Request</CardTitle></CardHeader><CardContent><RequestSummary r={r} /></CardContent></Card>
          <Card>
            <CardHeader><CardTitle as="h2">Timeline</CardTitle></CardHeader>
            <CardContent className="space-y-6"><Timeline events={r.events} /><CommentForm id={id} action={commentOnToolRequestAction} /></CardContent>
          </Card>
        </div>
        <aside className="space-y-6">
          <RiskPanel score={r.riskScore} level={r.riskLevel} factors={r.riskFactors} requiredApprovals={r.requiredApprovals} />
          {mayReview ? (
            <Card>
              <CardHeader>
                <CardTitle as="h2">{r.status === 'approved' ? 'Publish' : r.status === 'published' ? 'Deprecate' : 'Decision'}</CardTitle>
                {r.status === 'approved' ? <CardDescription>Creates the catalogue record and version 1, and records the contract tests.</CardDescription> : null}
              </CardHeader>
              <CardContent>
                {r.status === 'submitted' ? <SimpleActionForm id={id} label="Start review" pendingLabel="Starting…" action={startReviewAction} /> : null}
                {r.status === 'in_review' ? <DecisionForm id={id} approvals={r.approvals} requiredApprovals={r.requiredApprovals} alreadyApproved={alreadyApproved} action={decideToolRequestAction} /> : null}
                {r.status === 'approved' ? <SimpleActionForm id={id} label="Publish to the catalogue" pendingLabel="Publishing…" action={publishToolRequestAction} fields={[{ name: 'slug', label: 'Tool name (optional)', hint: 'What agents call; derived from the title when empty.', placeholder: 'e.g. crm_customer_lookup' }]} /> : null}
                {r.status === 'published' ? <SimpleActionForm id={id} label="Deprecate" pendingLabel="Deprecating…" variant="destructive" action={deprecateToolRequestAction} fields={[{ name: 'reason', label: 'Reason', required: true }]} /> : null}
                {['changes_requested', 'rejected', 'deprecated', 'draft'].includes(r.status) ? <p className="text-sm text-muted-foreground">No decision to take: the request is {r.status.replace('_', ' ')}.</p> : null}
              </CardContent>
            </Card>
          ) : null}
          {r.toolSlug ? <p className="text-sm">Published as <Link className="text-primary underline" href={`/catalogue/${r.toolSlug}`}>{r.toolSlug}</Link>.</p> : null}
          {r.reviews.length ? (
            <Card>
              <CardHeader><CardTitle as="h2">Decisions</CardTitle></CardHeader>
              <CardContent>
                <ul className="space-y-2 text-sm">{r.reviews.map((d) => <li key={d.id}><span className="font-medium">{d.reviewer}</span> — {d.outcome.replace('_', ' ')} (round {d.round}){d.reason ? <div className="text-xs text-muted-foreground">{d.reason}</div> : null}</li>)}</ul>
              </CardContent>
            </Card>
          ) : null}
        </aside>
      </div>
    </>
  );
}
