import Link from 'next/link';
import { FilePlus } from 'lucide-react';
import { requirePagePermission } from '@/lib/server/auth/guard';
import { parseInput } from '@/lib/server/boundary';
import { isAppError } from '@/lib/errors';
import { cleanParams } from '@/lib/schemas/catalogue';
import { REQUEST_STATUS_LABELS, REQUEST_STATUSES, RISK_LEVELS, ZFindToolRequestsInput } from '@/lib/schemas/tool-request';
import { findToolRequests } from '@/lib/services/tool-requests/find-tool-requests';
import { PageHeader } from '@/components/ui/page-header';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { SearchInput } from '@/components/ui/search-input';
import { Select } from '@/components/ui/select';
import { RequestsTable } from '@/components/requests/requests-table';

export const metadata = { title: 'My requests' };

export default async function RequestsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePagePermission('tool_request.create');
  const raw = cleanParams(await searchParams);
  const newButton = <Button asChild><Link href="/requests/new"><FilePlus aria-hidden /> New request</Link></Button>;
  const header = <PageHeader title="My tool requests" description="Ask for a new tool: the security team reviews it, then it is published to the catalogue." actions={newButton} />;
  let input;
  try {
    input = parseInput(ZFindToolRequestsInput, { ...raw, view: 'mine' });
  } catch (e) {
    return <>{header}<Alert variant="destructive">{isAppError(e) ? e.userMessage : 'Invalid filters.'}</Alert></>;
  }
  const result = await findToolRequests({ actor, ...input });
  const filtered = Boolean(input.q || input.status || input.risk);
  return (
    <>
      {header}
      <form method="get" role="search" aria-label="Filter my requests" className="mb-4 grid gap-3 rounded-lg border border-border bg-card p-3 sm:grid-cols-4">
        <div className="sm:col-span-2"><label htmlFor="rq-q" className="mb-1 block text-xs font-medium">Search</label><SearchInput id="rq-q" name="q" defaultValue={input.q} placeholder="Title, use case, owner team…" /></div>
        <div><label htmlFor="rq-status" className="mb-1 block text-xs font-medium">Status</label><Select id="rq-status" name="status" defaultValue={input.status ?? ''} placeholder="Any status" options={REQUEST_STATUSES.map((s) => ({ value: s, label: REQUEST_STATUS_LABELS[s] }))} /></div>
        <div><label htmlFor="rq-risk" className="mb-1 block text-xs font-medium">Risk</label><Select id="rq-risk" name="risk" defaultValue={input.risk ?? ''} placeholder="Any risk" options={RISK_LEVELS.map((r) => ({ value: r, label: r }))} /></div>
        <div className="flex gap-2 sm:col-span-4"><Button type="submit">Apply</Button><Button variant="ghost" asChild><Link href="/requests">Reset</Link></Button></div>
      </form>
      {result.items.length === 0 ? (
        filtered
          ? <EmptyState title="No request matches" description="Change or reset the filters." />
          : <EmptyState title="No requests yet" description="Describe the tool your team needs; drafts are kept until you submit them." action={newButton} />
      ) : (
        <RequestsTable result={result} params={new URLSearchParams(raw as Record<string, string>).toString()} hrefBase="/requests" label="My requests" />
      )}
    </>
  );
}
