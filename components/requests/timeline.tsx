// Every event on a request, oldest first: who, what, when, the status change and any comment or reason.
import { REQUEST_STATUS_LABELS, type TToolRequestStatus } from '@/lib/schemas/tool-request';

export interface TimelineEvent { id: string; type: string; actor: string; from: TToolRequestStatus | null; to: TToolRequestStatus | null; comment: string | null; data: Record<string, unknown> | null; createdAt: string }

const LABELS: Record<string, string> = {
  created: 'created the draft', edited: 'edited the request', submitted: 'submitted for review', resubmitted: 'resubmitted for review', review_started: 'started the review',
  commented: 'commented', changes_requested: 'requested changes', approval_recorded: 'approved (more approvals needed)', approved: 'approved', rejected: 'rejected',
  contract_tests: 'ran the contract tests', published: 'published the tool', deprecated: 'deprecated the tool',
};

export function Timeline({ events }: { events: TimelineEvent[] }) {
  if (!events.length) return <p className="text-sm text-muted-foreground">No events yet.</p>;
  return (
    <ol className="relative space-y-4 border-l border-border pl-5" aria-label="Timeline" data-testid="timeline">
      {events.map((e) => (
        <li key={e.id} className="relative">
          <span aria-hidden className="absolute -left-[1.6rem] top-1.5 size-2.5 rounded-full border-2 border-background bg-primary" />
          <p className="text-sm"><span className="font-medium">{e.actor}</span> {LABELS[e.type] ?? e.type.replace(/_/g, ' ')}
            {e.to ? <span className="text-muted-foreground"> → {REQUEST_STATUS_LABELS[e.to]}</span> : null}
            {e.type === 'approval_recorded' && e.data ? <span className="text-muted-foreground"> ({String(e.data.approvals)} of {String(e.data.required)})</span> : null}
          </p>
          <p className="text-xs text-muted-foreground"><time dateTime={e.createdAt}>{e.createdAt.slice(0, 16).replace('T', ' ')} UTC</time></p>
          {e.comment ? <blockquote className="mt-1 whitespace-pre-wrap rounded-md bg-muted px-3 py-2 text-sm">{e.comment}</blockquote> : null}
        </li>
      ))}
    </ol>
  );
}
