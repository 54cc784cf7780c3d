'use client';
// One held call, with everything an operator needs to decide it: the tool and its risk, the time left, the agent
// token and whom it acts for, the rule that held it, the (redacted) arguments and the two-person rule's count.
// Once decided: who decided, when and why, and what the call returned.
import { Card } from '@/components/ui/card';
import type { ApprovalView } from '@/lib/schemas/approvals';
import { cn } from '@/lib/utils';
import { ApprovalStatusBadge, RiskBadge } from './approval-badges';
import { ApprovalOutcome, ApprovalVotes } from './approval-outcome';
import { ArgumentsList } from './arguments-list';
import { DecisionControls } from './decision-controls';
import { RevealArguments } from './reveal-arguments';
import { Countdown, LocalTime } from './time';

export interface InboxPermissions {
  reveal: boolean;
  audit: boolean;
  crossTenant: boolean;
}

function actsFor(a: ApprovalView): string {
  if (a.actsFor.user) return a.actsFor.user;
  if (a.actsFor.team) return `team ${a.actsFor.team}`;
  return 'the token itself (no user or team)';
}

export function ApprovalCard(props: { approval: ApprovalView; perms: InboxPermissions; onDecided: (v: ApprovalView) => void; highlighted?: boolean }) {
  const { approval: a, perms } = props;
  const pending = a.status === 'pending';
  const headingId = `approval-${a.id}-title`;
  const meta: [string, React.ReactNode][] = [
    ['Agent token', a.token ? a.token.name : 'deleted token'],
    ['Acts for', actsFor(a)],
    ['Held by', a.rule],
    ['Requested', <LocalTime key="t" iso={a.createdAt} />],
    ['Approvals', `${a.approvalsGiven} of ${a.approvalsRequired} given${a.approvalsRequired > 1 ? ' (two-person rule)' : ''}`],
  ];
  if (perms.crossTenant) meta.unshift(['Tenant', a.tenant.name]);
  return (
    <Card
      role="article"
      aria-labelledby={headingId}
      data-testid={`approval-${a.id}`}
      data-status={a.status}
      className={cn('grid gap-4 p-4 scroll-mt-4', props.highlighted && 'ring-2 ring-primary')}
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="grid gap-1">
          <h3 id={headingId} className="flex flex-wrap items-center gap-2 text-base font-semibold">
            <code className="font-mono">{a.tool.slug}</code>
            <span className="text-sm font-normal text-muted-foreground">{a.tool.title} · v{a.toolVersion}</span>
          </h3>
          <div className="flex flex-wrap items-center gap-2">
            <RiskBadge tool={a.tool} />
            <ApprovalStatusBadge approval={a} />
          </div>
        </div>
        {pending ? (
          <p className="text-sm">
            <span className="text-muted-foreground">Time left: </span>
            <Countdown iso={a.expiresAt} />
          </p>
        ) : null}
      </div>

      <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
        {meta.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-muted-foreground">{k}</dt>
            <dd className="min-w-0 break-words" data-testid={`meta-${k.toLowerCase().replace(/\s+/g, '-')}`}>{v}</dd>
          </div>
        ))}
      </dl>

      <section className="grid gap-1" aria-label="Arguments">
        <div className="flex items-center justify-between gap-2">
          <p className="text-sm font-medium">Arguments <span className="font-normal text-muted-foreground">(personal data hidden)</span></p>
          {perms.reveal ? <RevealArguments id={a.id} tool={a.tool.slug} /> : null}
        </div>
        <ArgumentsList value={a.arguments} />
      </section>

      <ApprovalVotes votes={a.votes} />
      {pending ? null : <ApprovalOutcome approval={a} canReadAudit={perms.audit} />}

      {pending ? (
        a.canDecide ? (
          <DecisionControls approval={a} onDecided={props.onDecided} />
        ) : (
          <p className="rounded-md bg-muted px-3 py-2 text-sm" data-testid="cannot-decide">{a.cannotDecideReason}</p>
        )
      ) : null}
    </Card>
  );
}
