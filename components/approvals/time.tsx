'use client';
// Times in the operator's locale (UTC in the title), a live countdown, and durations. The server renders UTC and
// no countdown; the browser switches to local time after hydration, so server and client markup always match.
import { useSyncExternalStore } from 'react';
import { cn } from '@/lib/utils';

// One shared one-second ticker for every countdown on the page.
let now = 0;
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const l of listeners) l();
    }, 1_000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
}

/** The current time, refreshed every second; null while rendering on the server and during hydration. */
function useNow(): number | null {
  return useSyncExternalStore(subscribe, () => now || null, () => null);
}

const noop = () => () => {};
function useHydrated(): boolean {
  return useSyncExternalStore(noop, () => true, () => false);
}

const utc = (iso: string) => `${iso.slice(0, 19).replace('T', ' ')} UTC`;

export function LocalTime({ iso, className }: { iso: string; className?: string }) {
  const hydrated = useHydrated();
  const text = hydrated ? new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' }) : utc(iso);
  return (
    <time dateTime={iso} title={utc(iso)} className={className}>
      {text}
    </time>
  );
}

/** "1 h 02 min", "4 min 05 s", "12 s". */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const pad = (n: number) => String(n).padStart(2, '0');
  if (s >= 3600) return `${Math.floor(s / 3600)} h ${pad(Math.floor((s % 3600) / 60))} min`;
  if (s >= 60) return `${Math.floor(s / 60)} min ${pad(s % 60)} s`;
  return `${s} s`;
}

/** Time left until `iso`, ticking every second; amber under two minutes. */
export function Countdown({ iso }: { iso: string }) {
  const current = useNow();
  const left = current === null ? null : new Date(iso).getTime() - current;
  return (
    <time
      dateTime={iso}
      title={`Expires ${utc(iso)}`}
      className={cn('tabular-nums', left !== null && left < 120_000 && 'font-semibold text-warning-soft-foreground')}
      data-testid="time-left"
    >
      {left === null ? `until ${utc(iso)}` : left > 0 ? `${formatDuration(left)} left` : 'expired'}
    </time>
  );
}
