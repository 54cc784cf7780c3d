import Link from 'next/link';
import { METRICS_WINDOWS, type TMetricsWindow } from '@/lib/schemas/metrics';
import { cn } from '@/lib/utils';

const LABELS: Record<TMetricsWindow, string> = { '1h': 'Last hour', '24h': 'Last 24 hours', '7d': 'Last 7 days', '30d': 'Last 30 days' };

/** The time window, kept in the URL (?window=…) so a view can be shared and reloaded. */
export function WindowSwitcher({ current }: { current: TMetricsWindow }) {
  return (
    <nav aria-label="Time window" className="inline-flex rounded-md border border-border bg-card p-0.5">
      {METRICS_WINDOWS.map((w) => (
        <Link
          key={w}
          href={`/metrics?window=${w}`}
          aria-current={w === current ? 'page' : undefined}
          title={LABELS[w]}
          className={cn(
            'rounded px-3 py-1.5 text-sm font-medium text-muted-foreground hover:text-foreground focus-visible:outline-2 focus-visible:outline-ring',
            w === current && 'bg-primary text-primary-foreground hover:text-primary-foreground',
          )}
        >
          <span className="sr-only">{LABELS[w]}: </span>{w}
        </Link>
      ))}
    </nav>
  );
}
