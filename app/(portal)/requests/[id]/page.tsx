import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Pencil } from 'lucide-react';
import { requirePagePermission } from '@/lib/server/auth/guard';
import { isAppError } from '@/lib/errors';
import { can } from '@/lib/policy';
import { isEditable } from '@/lib/request-state';
import { getToolRequestOrThrow } from '@/lib/services/tool-requests/get-tool-request';
import { PageHeader } from '@/components/ui/page-header';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { CommentForm } from '@/components/requests/comment-form';
import { RequestSummary } from '@/components/requests/request-summary';
import { RiskPanel } from '@/components/requests/risk-panel';
import { StatusBadge } from '@/components/requests/status-badge';
import { SubmitButton } from '@/components/requests/submit-button';
import { Timeline } from '@/components/requests/timeline';
import { commentOnToolRequestAction, submitToolRequestAction } from '../actions';

export const metadata = { title: 'Tool request' };

export default async function RequestPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePagePermission('tool_request.create');
  const { id } = await params;
  const r = await getToolRequestOrThrow({ actor, id }).catch((e: unknown) => {
    if (isAppError(e) && e.code === 'NOT_FOUND') notFound();
    throw e;
  });
  const mine = r.requesterId === actor.id;
  const editable = mine && isEditable(r.status);
  const lastAsk = [...r.events].reverse().find((e) => e.type === 'changes_requested' || e.type === 'rejected');
  return (
    <>
      <PageHeader
        eyebrow={<Link href="/requests" className="hover:underline">My requests</Link>}
        title={<span className="flex flex-wrap items-center gap-3">{r.title}<StatusBadge status={r.status} /></span>}
        description={<>{`Requested by ${r.requester} (${r.tenantName}) · ${r.submittedAt ? `submitted ${r.submittedAt.slice(0, 10)}` : 'not submitted yet'}${r.round > 1 ? ` · review round ${r.round}` : ''}`}{can(actor, 'audit.read') ? <> · <Link className="text-primary underline underline-offset-2" href={`/audit?resource=${encodeURIComponent(id)}`}>Audit events</Link></> : null}</>}
        actions={editable ? (
          <div className="flex gap-2">
            <Button variant="outline" asChild><Link href={`/requests/${id}/edit`}><Pencil aria-hidden /> {r.status === 'changes_requested' ? 'Update and resubmit' : 'Edit draft'}</Link></Button>
            {r.status === 'draft' ? <SubmitButton id={id} action={submitToolRequestAction} /> : null}
          </div>
        ) : null}
      />
      <div className="mb-4 space-y-3">
        {r.status === 'changes_requested' && lastAsk ? <Alert variant="warning" title="The reviewers asked for changes"><span className="whitespace-pre-wrap">{lastAsk.comment}</span></Alert> : null}
        {r.status === 'rejected' && lastAsk ? <Alert variant="destructive" title="Rejected"><span className="whitespace-pre-wrap">{lastAsk.comment}</span></Alert> : null}
        {r.status === 'in_review' || r.status === 'submitted' ? <Alert variant="info" title="With the security reviewers">{r.approvals} of {r.requiredApprovals} approval{r.requiredApprovals > 1 ? 's' : ''} so far.{r.requiredApprovals > 1 ? ' High-risk requests need two different reviewers.' : ''}</Alert> : null}
        {r.toolSlug ? <Alert variant="success" title="Published">The tool is in the catalogue: <Link className="underline" href={`/catalogue/${r.toolSlug}`}>{r.toolSlug}</Link>.</Alert> : null}
      </div>
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <div className="space-y-6">
          <Card><CardHeader><CardTitle as="h2">Request</CardTitle></CardHeader><CardContent><RequestSummary r={r} /></CardContent></Card>
          <Card>
            <CardHeader><CardTitle as="h2">Timeline</CardTitle></CardHeader>
            <CardContent className="space-y-6">
              <Timeline events={r.events} />
              {mine ? <CommentForm id={id} action={commentOnToolRequestAction} /> : null}
            </CardContent>
          </Card>
        </div>
        <aside><RiskPanel score={r.riskScore} level={r.riskLevel} factors={r.riskFactors} requiredApprovals={r.requiredApprovals} /></aside>
      </div>
    </>
  );
}
