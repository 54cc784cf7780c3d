// The registration record (the plan's template): what the tool reads and writes, its risk, scopes, limits,
// audit level and owner.
import { Badge } from '@/components/ui/badge';
import { AUDIT_LEVEL_LABELS, bytes, CLASS_LABELS, RISK_LABELS } from './labels';

export interface ToolRecordView {
  slug: string; title: string; description: string; category: string; kind: string; ownerTeam: string; owner: { name: string; email: string } | null;
  riskLevel: keyof typeof RISK_LABELS; dataClassification: keyof typeof CLASS_LABELS; dataRead: string[]; dataWritten: string[]; requiredScopes: string[];
  timeoutMs: number; maxInputBytes: number; maxOutputBytes: number; auditLevel: keyof typeof AUDIT_LEVEL_LABELS; critical: boolean; readOnly: boolean;
  tags: string[]; links: { title?: string; url?: string }[]; servedVersion: number;
}

const list = (xs: string[], none: string) => (xs.length ? xs.join(', ') : <span className="text-muted-foreground">{none}</span>);

export function ToolRecord({ t }: { t: ToolRecordView }) {
  const rows: [string, React.ReactNode][] = [
    ['Name (what agents call)', <code key="n">{t.slug}</code>],
    ['Description', t.description],
    ['Owner team', <>{t.ownerTeam}{t.owner ? <span className="text-muted-foreground"> · {t.owner.name} ({t.owner.email})</span> : null}</>],
    ['Category · kind', `${t.category} · ${t.kind.replace('_', ' ')}`],
    ['Risk level', <Badge key="r" variant={t.riskLevel}>{RISK_LABELS[t.riskLevel]}</Badge>],
    ['Data classification', CLASS_LABELS[t.dataClassification]],
    ['Data read', list(t.dataRead, 'none')],
    ['Data written', list(t.dataWritten, 'none (read-only)')],
    ['Required scopes', t.requiredScopes.length ? <span className="flex flex-wrap gap-1">{t.requiredScopes.map((s) => <code key={s} className="rounded bg-muted px-1 text-xs">{s}</code>)}</span> : list([], 'none')],
    ['Human approval', t.critical ? 'Required before every call (critical action)' : 'Not required'],
    ['Constraints', `timeout ${(t.timeoutMs / 1000).toLocaleString('en-US')} s · input ≤ ${bytes(t.maxInputBytes)} · output ≤ ${bytes(t.maxOutputBytes)}`],
    ['Audit level', AUDIT_LEVEL_LABELS[t.auditLevel]],
    ['Served version', `v${t.servedVersion}`],
    ['Tags', t.tags.length ? <span className="flex flex-wrap gap-1">{t.tags.map((x) => <Badge key={x} variant="outline">{x}</Badge>)}</span> : list([], 'none')],
  ];
  if (t.links.length) {
    rows.push(['Links', <ul key="l" className="list-inside list-disc">{t.links.map((l) => <li key={l.url}>{l.url?.startsWith('/') ? <a className="text-primary underline" href={l.url}>{l.title ?? l.url}</a> : <span>{l.title ?? 'Link'}: <code className="text-xs">{l.url}</code></span>}</li>)}</ul>]);
  }
  return (
    <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[12rem_1fr]">
      {rows.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="font-medium text-muted-foreground">{k}</dt>
          <dd className="min-w-0 break-words">{v}</dd>
        </div>
      ))}
    </dl>
  );
}
