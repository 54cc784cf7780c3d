import { cn } from '@/lib/utils';

/** Current usage against a limit, as a bar with its figures (role="meter" for assistive technology). */
export function UsageBar({ label, used, limit, className }: { label: string; used: number; limit: number | null; className?: string }) {
  const pct = limit ? Math.min(100, Math.round((used / limit) * 100)) : 0;
  const tone = pct >= 90 ? 'bg-destructive' : pct >= 70 ? 'bg-warning' : 'bg-primary';
  return (
    <div className={cn('grid min-w-32 gap-1', className)}>
      <div className="flex justify-between gap-2 text-xs tabular-nums">
        <span className="text-muted-foreground">{label}</span>
        <span>
          {used.toLocaleString('en-US')} / {limit === null ? '∞' : limit.toLocaleString('en-US')}
        </span>
      </div>
      <div
        role="meter"
        aria-label={`${label}: ${used} of ${limit ?? 'no limit'}`}
        aria-valuemin={0}
        aria-valuemax={limit ?? 0}
        aria-valuenow={used}
        className="h-1.5 w-full overflow-hidden rounded-full bg-muted"
      >
        <div className={cn('h-full rounded-full transition-all', tone)} style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}
