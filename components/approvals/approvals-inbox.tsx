'use client';
// The operator's inbox: "Pending" and "History" tabs (?tab=history), a search (?q=), the deep-linked approval from a
// notification (?id=) on top, and the calls decided here kept in view with their outcome after they leave the
// pending list. The URL follows the tab and the search, so a reload or a shared link lands on the same view.
import { useMemo, useState } from 'react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SearchInput } from '@/components/ui/search-input';
import { Skeleton } from '@/components/ui/skeleton';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs';
import { approvalListQuery, approvalQuery } from '@/lib/queries/approvals';
import { TERMINAL_APPROVAL_STATUSES, type ApprovalView } from '@/lib/schemas/approvals';
import { ApprovalCard, type InboxPermissions } from './approval-card';
import { ApprovalList } from './approval-list';

type Tab = 'pending' | 'history';

function setUrl(changes: Record<string, string | null>) {
  const sp = new URLSearchParams(window.location.search);
  for (const [k, v] of Object.entries(changes)) {
    if (v) sp.set(k, v);
    else sp.delete(k);
  }
  const qs = sp.toString();
  window.history.replaceState(null, '', qs ? `?${qs}` : window.location.pathname);
}

/** An approval followed on its own (deep link, or decided here): polled until nothing more can happen to it. */
function LiveApproval({ id, initial, perms, onDecided, highlighted }: { id: string; initial?: ApprovalView; perms: InboxPermissions; onDecided: (v: ApprovalView) => void; highlighted?: boolean }) {
  const q = useQuery({
    ...approvalQuery(id),
    initialData: initial,
    refetchInterval: (query) => (query.state.data && TERMINAL_APPROVAL_STATUSES.includes(query.state.data.status) && !query.state.data.outcomeUnknown ? false : 2_000),
  });
  if (q.isPending) return <Skeleton className="h-40" />;
  if (q.isError) return <Alert variant="destructive" title="This approval cannot be shown">{q.error.message} It may belong to another tenant, or the link is wrong.</Alert>;
  return <ApprovalCard approval={q.data} perms={perms} onDecided={onDecided} highlighted={highlighted} />;
}

export function ApprovalsInbox({ initialTab, initialQ, focusId, perms }: { initialTab: Tab; initialQ: string; focusId: string | null; perms: InboxPermissions }) {
  const [tab, setTab] = useState<Tab>(initialTab);
  const [q, setQ] = useState(initialQ);
  const [draft, setDraft] = useState(initialQ);
  const [decided, setDecided] = useState<ApprovalView[]>([]);
  // The tab label's count comes from the pending list itself (same query, same cache).
  const pendingCount = useInfiniteQuery({ ...approvalListQuery({ status: 'pending', q }), select: (d) => d.pages[0]?.pendingCount ?? 0 });

  const onDecided = (v: ApprovalView) => {
    // Still pending (the first of two approvals): the list shows it with its new count; otherwise keep it in view.
    if (v.status !== 'pending' && v.id !== focusId) setDecided((d) => [v, ...d.filter((x) => x.id !== v.id)]);
  };
  const hide = useMemo(() => new Set([...(focusId ? [focusId] : []), ...decided.map((d) => d.id)]), [focusId, decided]);

  const onTab = (v: string) => {
    const next = v === 'history' ? 'history' : 'pending';
    setTab(next);
    setUrl({ tab: next === 'history' ? 'history' : null });
  };
  const search = (e: React.FormEvent) => {
    e.preventDefault();
    setQ(draft.trim());
    setUrl({ q: draft.trim() || null });
  };

  return (
    <div className="grid gap-4">
      {focusId ? (
        <section aria-labelledby="linked-approval" className="grid gap-2">
          <h2 id="linked-approval" className="text-sm font-semibold text-muted-foreground">Linked approval</h2>
          <LiveApproval id={focusId} perms={perms} onDecided={onDecided} highlighted />
        </section>
      ) : null}

      {decided.length ? (
        <section aria-labelledby="decided-here" className="grid gap-2">
          <div className="flex items-center justify-between gap-2">
            <h2 id="decided-here" className="text-sm font-semibold text-muted-foreground">Decided just now</h2>
            <Button variant="link" size="sm" onClick={() => setDecided([])}>Clear</Button>
          </div>
          <ul className="grid gap-3">
            {decided.map((d) => (
              <li key={d.id}>
                <LiveApproval id={d.id} initial={d} perms={perms} onDecided={onDecided} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <Tabs value={tab} onValueChange={onTab}>
        <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
          <TabsList aria-label="Approvals">
            <TabsTrigger value="pending">
              Pending{pendingCount.data ? <span className="rounded-full bg-warning-soft px-1.5 text-xs text-warning-soft-foreground">{pendingCount.data}</span> : null}
            </TabsTrigger>
            <TabsTrigger value="history">History</TabsTrigger>
          </TabsList>
          <form role="search" onSubmit={search} className="flex w-full gap-2 sm:max-w-sm">
            <SearchInput value={draft} onChange={(e) => setDraft(e.target.value)} aria-label="Search approvals" placeholder="Tool, agent token or id…" maxLength={200} />
            <Button type="submit" variant="outline">Search</Button>
          </form>
        </div>
        <TabsContent value="pending">
          <ApprovalList filters={{ status: 'pending', q }} perms={perms} hide={hide} onDecided={onDecided} />
        </TabsContent>
        <TabsContent value="history">
          <ApprovalList filters={{ status: 'decided', q }} perms={perms} hide={hide} onDecided={onDecided} />
        </TabsContent>
      </Tabs>
    </div>
  );
}
