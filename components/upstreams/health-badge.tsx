import { Badge } from '@/components/ui/badge';

/** Reachable (with the last round trip's latency), unreachable (with why, as a tooltip and for screen readers), or not checked yet. */
export function HealthBadge({ status, latencyMs, lastError }: { status: 'pending' | 'reachable' | 'unreachable'; latencyMs: number | null; lastError: string | null }) {
  if (status === 'reachable') return <Badge variant="success" dot>Reachable{latencyMs !== null ? ` · ${latencyMs} ms` : ''}</Badge>;
  if (status === 'unreachable') {
    return (
      <Badge variant="destructive" dot title={lastError ?? undefined}>
        Unreachable{lastError ? <span className="sr-only">: {lastError}</span> : null}
      </Badge>
    );
  }
  return <Badge variant="muted">Not checked yet</Badge>;
}
