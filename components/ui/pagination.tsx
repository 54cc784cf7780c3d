import * as React from 'react';
import Link from 'next/link';
import { ChevronLeft, ChevronRight } from 'lucide-react';
import { cn } from '@/lib/utils';
import { buttonVariants } from '@/components/ui/button';

export type PaginationProps = {
  /** 1-based current page. */
  page: number;
  pageCount: number;
  /** Total number of items (shown in the summary). */
  total?: number;
  /** With `total`, the summary reads "Showing 21–40 of 312". */
  pageSize?: number;
  /** Link mode (server-friendly): builds the href for a page, e.g. p => `?q=x&page=${p}`. */
  hrefFor?: (page: number) => string;
  /** Link mode keeping the current filters: the page's query string; links replace only its `page`. */
  query?: string;
  /** Button mode (client components): called with the requested page. */
  onPageChange?: (page: number) => void;
  /** Pages shown on each side of the current one. */
  siblingCount?: number;
  label?: string;
  className?: string;
};

type Item = number | 'gap-start' | 'gap-end';

export function pageItems(page: number, count: number, siblings = 1): Item[] {
  if (count <= siblings * 2 + 5) return Array.from({ length: count }, (_, i) => i + 1);
  const left = Math.max(page - siblings, 2);
  const right = Math.min(page + siblings, count - 1);
  const items: Item[] = [1];
  if (left === 3) items.push(2);
  else if (left > 3) items.push('gap-start');
  for (let p = left; p <= right; p++) items.push(p);
  if (right === count - 2) items.push(count - 1);
  else if (right < count - 2) items.push('gap-end');
  items.push(count);
  return items;
}

const fmt = (n: number) => n.toLocaleString('en-US');

export function Pagination(props: PaginationProps) {
  const { total, pageSize, onPageChange, siblingCount = 1, label = 'Pagination', className } = props;
  const hrefFor = props.hrefFor ?? (props.query !== undefined ? (p: number) => pageHref(props.query!, p) : undefined);
  const pageCount = Math.max(1, Math.floor(props.pageCount));
  const page = Math.min(Math.max(1, Math.floor(props.page)), pageCount);

  let summary = `Page ${fmt(page)} of ${fmt(pageCount)}`;
  if (total !== undefined && pageSize && total > 0) {
    const from = (page - 1) * pageSize + 1;
    summary = `Showing ${fmt(from)}–${fmt(Math.min(page * pageSize, total))} of ${fmt(total)}`;
  } else if (total !== undefined) summary += ` · ${fmt(total)} total`;

  function control(target: number, content: React.ReactNode, state: 'link' | 'current' | 'disabled') {
    const cls = cn(
      buttonVariants({ variant: state === 'current' ? 'outline' : 'ghost', size: 'sm' }),
      'min-w-8 px-2',
      state === 'current' && 'font-semibold',
      state === 'disabled' && 'pointer-events-none opacity-50',
    );
    if (state === 'current') return <span aria-current="page" className={cls}>{content}</span>;
    if (state === 'disabled' || (!hrefFor && !onPageChange)) {
      return <span aria-disabled="true" className={cls}>{content}</span>;
    }
    if (hrefFor) return <Link href={hrefFor(target)} className={cls}>{content}</Link>;
    return <button type="button" className={cls} onClick={() => onPageChange?.(target)}>{content}</button>;
  }

  const prev = (
    <>
      <ChevronLeft aria-hidden="true" />
      <span className="sr-only sm:not-sr-only">Previous</span>
      <span className="sr-only"> page</span>
    </>
  );
  const next = (
    <>
      <span className="sr-only sm:not-sr-only">Next</span>
      <span className="sr-only"> page</span>
      <ChevronRight aria-hidden="true" />
    </>
  );

  return (
    <nav aria-label={label} className={cn('flex flex-col items-center justify-between gap-3 sm:flex-row', className)}>
      <p className="text-sm text-muted-foreground" aria-live="polite">
        {summary}
      </p>
      {pageCount > 1 ? (
        <ul className="flex items-center gap-1">
          <li>{control(page - 1, prev, page <= 1 ? 'disabled' : 'link')}</li>
          {pageItems(page, pageCount, siblingCount).map((item) =>
            typeof item === 'number' ? (
              <li key={item} className={item === page ? undefined : 'hidden sm:block'}>
                {control(item, <><span className="sr-only">Page </span>{fmt(item)}</>, item === page ? 'current' : 'link')}
              </li>
            ) : (
              <li key={item} aria-hidden="true" className="hidden px-1 text-muted-foreground sm:block">
                …
              </li>
            ),
          )}
          <li>{control(page + 1, next, page >= pageCount ? 'disabled' : 'link')}</li>
        </ul>
      ) : null}
    </nav>
  );
}

/** `?…&page=N` from a query string, keeping every other parameter. */
export function pageHref(query: string, page: number): string {
  const sp = new URLSearchParams(query);
  sp.set('page', String(page));
  return `?${sp.toString()}`;
}
