// Versions of what agents see: number, status, definition hash, what changed, author and reviewer.
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';

export interface VersionView {
  id: string; version: number; status: 'draft' | 'in_review' | 'approved' | 'rejected' | 'superseded'; definitionHash: string; changeNote: string;
  author: string | null; reviewer: string | null; createdAt: string; changes: string[]; rejectionReason: string | null;
}

const VARIANT = { draft: 'muted', in_review: 'info', approved: 'success', rejected: 'destructive', superseded: 'muted' } as const;
const LABEL = { draft: 'Draft', in_review: 'In review', approved: 'Approved · served', rejected: 'Rejected', superseded: 'Superseded' } as const;

export function VersionList({ versions, servedVersion, canReview }: { versions: VersionView[]; servedVersion: number; canReview: boolean }) {
  return (
    <ol className="space-y-3" aria-label="Versions">
      {versions.map((v) => (
        <li key={v.id} className="rounded-lg border border-border p-3" data-testid={`version-${v.version}`}>
          <div className="flex flex-wrap items-center gap-2">
            <span className="font-semibold">v{v.version}</span>
            <Badge variant={VARIANT[v.status]}>{v.status === 'approved' && v.version !== servedVersion ? 'Approved' : LABEL[v.status]}</Badge>
            <code className="text-xs text-muted-foreground" title={`sha256 ${v.definitionHash}`}>sha256:{v.definitionHash.slice(0, 12)}…</code>
            <span className="ml-auto text-xs text-muted-foreground">{v.createdAt.slice(0, 16).replace('T', ' ')} UTC{v.author ? ` · by ${v.author}` : ''}{v.reviewer ? ` · reviewed by ${v.reviewer}` : ''}</span>
          </div>
          {v.changeNote ? <p className="mt-1 text-sm">{v.changeNote}</p> : null}
          <ul className="mt-1 list-inside list-disc text-sm text-muted-foreground">{v.changes.map((c) => <li key={c}>{c}</li>)}</ul>
          {v.rejectionReason ? <p className="mt-1 text-sm text-destructive">Rejected: {v.rejectionReason}</p> : null}
          {v.status === 'in_review' && canReview ? <Link className="mt-2 inline-block text-sm text-primary underline" href={`/reviews/versions/${v.id}`}>Review this version</Link> : null}
        </li>
      ))}
    </ol>
  );
}
