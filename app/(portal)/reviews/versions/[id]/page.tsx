import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requirePagePermission } from '@/lib/server/auth/guard';
import { findToolVersionsInReview } from '@/lib/services/catalogue/find-tool-versions-in-review';
import { PageHeader } from '@/components/ui/page-header';
import { Alert } from '@/components/ui/alert';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { VersionDecisionForm } from '@/components/reviews/version-decision-form';
import { decideToolVersionAction } from '../../actions';
import { getHttpDeclaration } from '@/lib/services/http-tools/get-http-declaration';
import { HttpDeclarationView } from '@/components/http-tools/declaration-view';

export const metadata = { title: 'Review a tool change' };

const pretty = (v: unknown) => (v === null || v === undefined ? '—' : JSON.stringify(v, null, 2));

export default async function VersionReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePagePermission('tool_version.review');
  const { id } = await params;
  const [v] = await findToolVersionsInReview({ actor, versionId: id });
  if (!v) notFound();
  const http = await getHttpDeclaration({ actor, slug: v.toolSlug });
  const own = v.authorId === actor.id;
  const approvedByMe = v.status === 'in_review' && v.firstApprovalById === actor.id;
  const baseline = v.baselineVersion === null ? 'Before' : v.status === 'in_review' ? `Served (v${v.baselineVersion})` : `Served before (v${v.baselineVersion})`;
  return (
    <>
      <PageHeader eyebrow={<Link href="/reviews" className="hover:underline">Security review</Link>} title={`${v.toolSlug}: version ${v.version}`} description={`Proposed by ${v.author ?? 'unknown'} on ${v.createdAt.slice(0, 16).replace('T', ' ')} UTC · served today: v${v.servedVersion}`} />
      {own && v.status === 'in_review' ? <Alert variant="warning" title="Four-eyes rule" className="mb-4">You proposed this change; another reviewer must decide.</Alert> : null}
      {v.approvalsRequired === 2 && v.status === 'in_review' ? (
        <Alert variant="info" title="Two reviewers" className="mb-4">
          A {v.riskLevel}-risk tool&apos;s new version needs two different reviewers. {v.firstApprovalBy ? `Approved by ${v.firstApprovalBy}; one more approval serves it.` : 'No approval yet.'}
        </Alert>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <div className="space-y-6">
          <Card>
            <CardHeader><CardTitle as="h2">What changes for agents</CardTitle></CardHeader>
            <CardContent>
              {v.changeNote ? <p className="mb-2 text-sm">“{v.changeNote}”</p> : null}
              <ul className="list-inside list-disc text-sm">{v.changes.map((c) => <li key={c}>{c}</li>)}</ul>
              <p className="mt-2 text-xs text-muted-foreground">Definition hash <code>{v.definitionHash}</code></p>
            </CardContent>
          </Card>
          {http ? (
            <Card>
              <CardHeader><CardTitle as="h2">HTTP request (declarative tool)</CardTitle></CardHeader>
              <CardContent><HttpDeclarationView config={http} /></CardContent>
            </Card>
          ) : null}
          {(['description', 'inputSchema', 'outputSchema', 'annotations'] as const).map((k) => (
            <Card key={k}>
              <CardHeader><CardTitle as="h2">{k === 'description' ? 'Description' : k === 'inputSchema' ? 'Input schema' : k === 'outputSchema' ? 'Output schema' : 'Annotations'}</CardTitle></CardHeader>
              <CardContent className="grid gap-3 md:grid-cols-2">
                <div><h3 className="mb-1 text-xs font-semibold uppercase text-muted-foreground">{baseline}</h3><pre className="max-h-80 overflow-auto whitespace-pre-wrap rounded-md bg-muted p-3 text-xs">{k === 'description' ? v.before?.description ?? '—' : pretty(v.before?.[k])}</pre></div>
                <div><h3 className="mb-1 text-xs font-semibold uppercase text-muted-foreground">Proposed (v{v.version})</h3><pre className="max-h-80 overflow-auto whitespace-pre-wrap rounded-md bg-muted p-3 text-xs">{k === 'description' ? v.after.description : pretty(v.after[k])}</pre></div>
              </CardContent>
            </Card>
          ))}
        </div>
        <aside>
          {own ? null : approvedByMe ? <Alert variant="info" title="Your approval is recorded">A second, different reviewer must approve before this version is served.</Alert> : <Card><CardHeader><CardTitle as="h2">Decision</CardTitle></CardHeader><CardContent><VersionDecisionForm versionId={v.id} slug={v.toolSlug} decided={v.status === 'in_review' ? null : v.status} action={decideToolVersionAction} /></CardContent></Card>}
        </aside>
      </div>
    </>
  );
}
