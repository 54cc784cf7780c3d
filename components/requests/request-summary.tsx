// The fields of a request as the reviewers see them.
import { Badge } from '@/components/ui/badge';
import { DATA_CLASSIFICATION_LABELS, WORKFLOW_LABELS, type TDataClassification } from '@/lib/schemas/tool-request';

export interface RequestFieldsView {
  title: string; useCase: string; workflow: string; ownerTeam: string; dataConsulted: string; dataWritten: string; dataClassification: TDataClassification;
  externalHosts: string[]; writeActions: boolean; criticalActions: boolean; expectedVolume: number; requestedScopes: string[];
  estCallsPerWeek?: number | null; estMinutesSavedPerCall?: number | null; estTeams?: number | null;
}

const none = <span className="text-muted-foreground">none</span>;

export function RequestSummary({ r }: { r: RequestFieldsView }) {
  const rows: [string, React.ReactNode][] = [
    ['Use case', <span key="u" className="whitespace-pre-wrap">{r.useCase || none}</span>],
    ['Workflow', WORKFLOW_LABELS[r.workflow as keyof typeof WORKFLOW_LABELS] ?? (r.workflow || none)],
    ['Business owner team', r.ownerTeam || none],
    ['Data consulted', r.dataConsulted || none],
    ['Data written', r.dataWritten || none],
    ['Data classification', DATA_CLASSIFICATION_LABELS[r.dataClassification]],
    ['External hosts', r.externalHosts.length ? <span className="flex flex-wrap gap-1">{r.externalHosts.map((h) => <code key={h} className="rounded bg-muted px-1 text-xs">{h}</code>)}</span> : none],
    ['Write actions', r.writeActions ? <Badge variant="warning">yes</Badge> : 'no'],
    ['Critical actions', r.criticalActions ? <Badge variant="critical">yes</Badge> : 'no'],
    ['Expected volume', `${r.expectedVolume.toLocaleString('en-US')} calls per day`],
    ['Business estimate', r.estCallsPerWeek == null && r.estMinutesSavedPerCall == null && r.estTeams == null ? none
      : `${r.estCallsPerWeek?.toLocaleString('en-US') ?? '?'} calls per week per team · ${r.estMinutesSavedPerCall ?? '?'} min saved per call · ${r.estTeams ?? '?'} team(s)`],
    ['Requested scopes', r.requestedScopes.length ? <span className="flex flex-wrap gap-1">{r.requestedScopes.map((s) => <code key={s} className="rounded bg-muted px-1 text-xs">{s}</code>)}</span> : none],
  ];
  return (
    <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[11rem_1fr]">
      {rows.map(([k, v]) => <div key={k} className="contents"><dt className="font-medium text-muted-foreground">{k}</dt><dd className="min-w-0 break-words">{v}</dd></div>)}
    </dl>
  );
}
