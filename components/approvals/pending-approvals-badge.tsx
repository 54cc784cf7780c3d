'use client';
// The navigation's pending-approvals count: polled every 2 s, shown only when something waits.
import { useQuery } from '@tanstack/react-query';
import { pendingApprovalCountQuery } from '@/lib/queries/approvals';

export function PendingApprovalsBadge() {
  const { data } = useQuery(pendingApprovalCountQuery());
  if (!data) return null;
  return (
    <>
      <span className="sr-only">, </span>
      <span className="ml-auto rounded-full bg-warning-soft px-1.5 text-xs font-semibold tabular-nums text-warning-soft-foreground" data-testid="approvals-badge">
        {data > 99 ? '99+' : data}
        <span className="sr-only"> pending</span>
      </span>
    </>
  );
}
