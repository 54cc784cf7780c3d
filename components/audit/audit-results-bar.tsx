import Link from 'next/link';
import { Download } from 'lucide-react';
import { Button } from '@/components/ui/button';

/** The count of the search, its export links and the keyset pager (older pages; back to the newest). */
export function AuditResultsBar({ count, filters, cursor, nextCursor }: { count: { value: number; atLeast: boolean }; filters: string; cursor?: string; nextCursor: string | null }) {
  const withFilters = (extra: Record<string, string>) => {
    const p = new URLSearchParams(filters);
    for (const [k, v] of Object.entries(extra)) p.set(k, v);
    return p.toString();
  };
  const label = `${count.value.toLocaleString('en-US')}${count.atLeast ? '+' : ''} ${count.value === 1 && !count.atLeast ? 'event' : 'events'}`;
  return (
    <div className="flex flex-wrap items-center justify-between gap-2">
      <p className="text-sm text-muted-foreground" data-testid="audit-count">
        {label}
        {count.atLeast ? <span title="Counting stops here so searches stay fast; narrow the filters or export for all."> (at least)</span> : null}
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <Button variant="outline" size="sm" asChild>
          <a href={`/api/v1/audit/export?${withFilters({ format: 'csv' })}`} download><Download aria-hidden className="size-4" />Export CSV</a>
        </Button>
        <Button variant="outline" size="sm" asChild>
          <a href={`/api/v1/audit/export?${withFilters({ format: 'jsonl' })}`} download><Download aria-hidden className="size-4" />Export JSON Lines</a>
        </Button>
        {cursor ? (
          <Button variant="ghost" size="sm" asChild><Link href={`/audit?${filters}`}>Newest</Link></Button>
        ) : null}
        {nextCursor ? (
          <Button variant="outline" size="sm" asChild><Link href={`/audit?${withFilters({ cursor: nextCursor })}`} rel="next">Older events</Link></Button>
        ) : null}
      </div>
    </div>
  );
}
