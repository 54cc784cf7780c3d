// What became of a decided approval: the votes (who, when, why), the reason it ended, the tool's result or error,
// how long the decision took, and where its audit trail is.
import Link from 'next/link';
import { Alert } from '@/components/ui/alert';
import type { ApprovalView } from '@/lib/schemas/approvals';
import { ArgumentsList } from './arguments-list';
import { formatDuration, LocalTime } from './time';

export function ApprovalVotes({ votes }: { votes: ApprovalView['votes'] }) {
  if (votes.length === 0) return null;
  return (
    <ul className="grid gap-1 text-sm" aria-label="Decisions" data-testid="approval-votes">
      {votes.map((v) => (
        <li key={`${v.operator}-${v.at}`}>
          <span className="font-medium">{v.approve ? 'Approved' : 'Denied'}</span>{' '}
          by {v.operator}, <LocalTime iso={v.at} />
          {v.reason ? <span className="text-muted-foreground"> — “{v.reason}”</span> : null}
        </li>
      ))}
    </ul>
  );
}

function ToolResult({ result }: { result: NonNullable<ApprovalView['result']> }) {
  const text = result.content.map((c) => c.text).join('\n');
  if (result.isError) {
    return (
      <Alert variant="destructive" title="The tool refused the call" data-testid="approval-result">
        {text || 'No message.'}
      </Alert>
    );
  }
  return (
    <div className="grid gap-1" data-testid="approval-result">
      <p className="text-sm font-medium">Result returned to the agent</p>
      {result.structuredContent ? <ArgumentsList value={result.structuredContent} /> : <pre className="whitespace-pre-wrap break-words rounded bg-muted p-2 font-mono text-xs">{text}</pre>}
    </div>
  );
}

export function ApprovalOutcome({ approval, canReadAudit }: { approval: ApprovalView; canReadAudit: boolean }) {
  const a = approval;
  const running = a.status === 'approved' || (a.status === 'executing' && !a.outcomeUnknown);
  return (
    <div className="grid gap-2">
      {a.statusReason ? (
        <p className="text-sm" data-testid="approval-status-reason">
          <span className="font-medium">{a.status === 'denied' ? 'Reason: ' : 'Why: '}</span>
          {a.statusReason}
        </p>
      ) : null}
      {running ? <p className="text-sm text-muted-foreground">Approved: the call is running; its result appears here when it ends.</p> : null}
      {a.outcomeUnknown ? (
        <Alert variant="warning" title="Outcome unknown">
          The call started and never reported back. It may or may not have taken effect: check the target system before anyone retries it.
        </Alert>
      ) : null}
      {a.result ? <ToolResult result={a.result} /> : null}
      <dl className="flex flex-wrap gap-x-6 gap-y-1 text-xs text-muted-foreground">
        {a.decidedAt ? (
          <div>
            <dt className="inline">Decided </dt>
            <dd className="inline"><LocalTime iso={a.decidedAt} /></dd>
          </div>
        ) : null}
        {a.decisionLatencyMs !== null ? (
          <div>
            <dt className="inline">Request to decision: </dt>
            <dd className="inline" data-testid="decision-latency">{formatDuration(a.decisionLatencyMs)}</dd>
          </div>
        ) : null}
        {a.executedAt ? (
          <div>
            <dt className="inline">Ran </dt>
            <dd className="inline"><LocalTime iso={a.executedAt} /></dd>
          </div>
        ) : null}
      </dl>
      {canReadAudit ? (
        <Link className="w-fit text-sm text-primary underline-offset-4 hover:underline" href={`/audit?q=${encodeURIComponent(a.correlationId)}`}>
          Audit events of this call
        </Link>
      ) : (
        <p className="text-xs text-muted-foreground">
          Request id <code className="font-mono">{a.correlationId}</code> (every audit event of this call carries it)
        </p>
      )}
    </div>
  );
}
