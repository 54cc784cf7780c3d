'use client';
// One tab of the inbox: pending calls (soonest expiry first) or the history (latest first), polled every 2 s so new
// calls and other operators' decisions appear without a reload; "Load more" follows the keyset cursor.
import { useInfiniteQuery } from '@tanstack/react-query';
import { History, ShieldCheck } from 'lucide-react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Skeleton } from '@/components/ui/skeleton';
import { approvalListQuery, type ApprovalFilters } from '@/lib/queries/approvals';
import type { ApprovalView } from '@/lib/schemas/approvals';
import { ApprovalCard, type InboxPermissions } from './approval-card';

export function ApprovalList(props: {
  filters: ApprovalFilters;
  perms: InboxPermissions;
  /** Approvals shown elsewhere on the page (the deep-linked one, those just decided here): not repeated. */
  hide: ReadonlySet<string>;
  onDecided: (v: ApprovalView) => void;
}) {
  const { filters } = props;
  const q = useInfiniteQuery(approvalListQuery(filters));
  const pending = filters.status === 'pending';
  if (q.isPending) {
    return (
      <div className="grid gap-3" aria-busy="true">
        <p className="sr-only" role="status">Loading approvals…</p>
        <Skeleton className="h-40" />
        <Skeleton className="h-40" />
      </div>
    );
  }
  if (q.isError) {
    return (
      <Alert variant="destructive" title="The approvals could not be loaded">
        {q.error.message}{' '}
        <Button variant="link" size="sm" className="h-auto p-0" onClick={() => void q.refetch()}>Try again</Button>
      </Alert>
    );
  }
  const items = q.data.pages.flatMap((p) => p.items).filter((a) => !props.hide.has(a.id));
  if (items.length === 0) {
    return filters.q ? (
      <EmptyState title={`Nothing matches “${filters.q}”`} description="The search looks at the tool, the agent token's name and the approval or request id." headingLevel="h3" />
    ) : pending ? (
      <EmptyState icon={<ShieldCheck />} title="Nothing waiting for approval" description="When an agent calls a critical tool, the call is held and appears here at once, with its arguments (personal data hidden)." headingLevel="h3" />
    ) : (
      <EmptyState icon={<History />} title="No decided approvals yet" description="Approved, denied, expired and withdrawn calls are kept here with their result and audit trail." headingLevel="h3" />
    );
  }
  return (
    <div className="grid gap-3">
      <ul className="grid gap-3" aria-label={pending ? 'Calls waiting for a decision' : 'Decided calls'}>
        {items.map((a) => (
          <li key={a.id}>
            <ApprovalCard approval={a} perms={props.perms} onDecided={props.onDecided} />
          </li>
        ))}
      </ul>
      {q.hasNextPage ? (
        <Button variant="outline" className="w-fit justify-self-center" onClick={() => void q.fetchNextPage()} disabled={q.isFetchingNextPage}>
          {q.isFetchingNextPage ? 'Loading…' : 'Load more'}
        </Button>
      ) : null}
    </div>
  );
}
