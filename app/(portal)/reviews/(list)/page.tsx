import Link from 'next/link';
import { requirePagePermission } from '@/lib/server/auth/guard';
import { parseInput } from '@/lib/server/boundary';
import { isAppError } from '@/lib/errors';
import { cn } from '@/lib/utils';
import { cleanParams } from '@/lib/schemas/catalogue';
import { RISK_LEVELS, ZFindToolRequestsInput } from '@/lib/schemas/tool-request';
import { findToolRequests } from '@/lib/services/tool-requests/find-tool-requests';
import { findToolVersionsInReview } from '@/lib/services/catalogue/find-tool-versions-in-review';
import { PageHeader } from '@/components/ui/page-header';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Select } from '@/components/ui/select';
import { RequestsTable } from '@/components/requests/requests-table';
import { VersionQueue } from '@/components/reviews/version-queue';

export const metadata = { title: 'Reviews' };

const TABS = [
  { key: '', label: 'To review', hint: 'Submitted and in review, oldest first' },
  { key: 'approved', label: 'Approved, to publish', hint: 'Approved requests waiting for publication' },
  { key: 'published', label: 'Published', hint: 'Published tools (deprecate from the request)' },
] as const;

export default async function ReviewsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePagePermission('tool_request.review');
  const raw = cleanParams(await searchParams);
  const header = <PageHeader title="Security review" description="Tool requests and tool changes waiting for a security decision. Nobody reviews their own request; high and critical risk need two reviewers." />;
  let input;
  try {
    input = parseInput(ZFindToolRequestsInput, { ...raw, view: 'queue' });
  } catch (e) {
    return <>{header}<Alert variant="destructive">{isAppError(e) ? e.userMessage : 'Invalid filters.'}</Alert></>;
  }
  const tab = input.status === 'approved' || input.status === 'published' ? input.status : '';
  const result = await findToolRequests({ actor, ...input });
  const versions = tab === '' ? await findToolVersionsInReview({ actor }) : [];
  const tabHref = (key: string) => `/reviews${key ? `?status=${key}` : ''}${input.risk ? `${key ? '&' : '?'}risk=${input.risk}` : ''}`;
  return (
    <>
      {header}
      <nav aria-label="Review lists" className="mb-4 flex flex-wrap gap-1 rounded-lg bg-muted p-1 text-sm">
        {TABS.map((t) => (
          <Link key={t.key} href={tabHref(t.key)} title={t.hint} aria-current={tab === t.key ? 'page' : undefined}
            className={cn('rounded-md px-3 py-1.5 font-medium text-muted-foreground hover:text-foreground', tab === t.key && 'bg-background text-foreground shadow-sm')}>{t.label}</Link>
        ))}
      </nav>
      <form method="get" aria-label="Filter by risk" className="mb-4 flex flex-wrap items-end gap-2">
        {tab ? <input type="hidden" name="status" value={tab} /> : null}
        <div className="w-48"><label htmlFor="rv-risk" className="mb-1 block text-xs font-medium">Risk</label><Select id="rv-risk" name="risk" defaultValue={input.risk ?? ''} placeholder="Any risk" options={RISK_LEVELS.map((r) => ({ value: r, label: r }))} /></div>
        <Button type="submit" variant="secondary">Filter</Button>
      </form>
      {result.items.length === 0 ? (
        <EmptyState title={tab === '' ? 'The queue is empty' : 'Nothing here'} description={tab === '' ? 'No request waits for a security review.' : 'No request in this state.'} />
      ) : (
        <RequestsTable result={result} params={new URLSearchParams(raw as Record<string, string>).toString()} hrefBase="/reviews" showTenant label="Review queue" />
      )}
      {tab === '' ? (
        <section className="mt-8" aria-labelledby="versions-title">
          <h2 id="versions-title" className="mb-2 text-lg font-semibold">Tool changes awaiting review</h2>
          <p className="mb-3 text-sm text-muted-foreground">Owners changed what agents see; the current version stays served until you approve.</p>
          <VersionQueue versions={versions} />
        </section>
      ) : null}
    </>
  );
}
