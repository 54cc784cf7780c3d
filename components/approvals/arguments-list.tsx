// A tool call's arguments (or a result's structured content) as a readable key/value list instead of raw JSON.
import { cn } from '@/lib/utils';

function show(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) return value.join(', ');
  return JSON.stringify(value, null, 2);
}

export function ArgumentsList({ value, className }: { value: unknown; className?: string }) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return <pre className={cn('whitespace-pre-wrap break-all rounded bg-muted p-2 font-mono text-xs', className)}>{show(value)}</pre>;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return <p className={cn('text-sm text-muted-foreground', className)}>No arguments.</p>;
  return (
    <dl className={cn('grid grid-cols-[minmax(6rem,max-content)_1fr] gap-x-4 gap-y-1 rounded-md bg-muted/60 p-3 text-sm', className)}>
      {entries.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="font-mono text-xs leading-5 text-muted-foreground">{k}</dt>
          <dd className="min-w-0 whitespace-pre-wrap break-words font-mono text-xs leading-5" data-testid={`arg-${k}`}>{show(v)}</dd>
        </div>
      ))}
    </dl>
  );
}
