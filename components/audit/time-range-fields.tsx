'use client';
// "From" and "To" in the user's own time zone: the visible datetime-local inputs show local wall time, the hidden
// inputs carry the UTC instant the form submits. Before hydration (and without JS) they show and send UTC, so the
// server's markup matches the first client render; after hydration the inputs remount with local values.
import { useState, useSyncExternalStore } from 'react';
import { Input } from '@/components/ui/input';

const noop = () => () => {};
const useHydrated = () => useSyncExternalStore(noop, () => true, () => false);

function instant(value: string): Date | null {
  if (!value) return null;
  const d = new Date(value.length === 10 ? `${value}T00:00Z` : /(Z|[+-]\d{2}:\d{2})$/.test(value) ? value : `${value}Z`);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** A UTC instant as the value of a datetime-local input, in the browser's zone (or UTC on the server). */
function inputValue(value: string, local: boolean): string {
  const d = instant(value);
  if (!d) return '';
  const shifted = local ? new Date(d.getTime() - d.getTimezoneOffset() * 60_000) : d;
  return shifted.toISOString().slice(0, 16);
}

function Field({ name, label, initial }: { name: 'from' | 'to'; label: string; initial: string }) {
  const hydrated = useHydrated();
  const [value, setValue] = useState(initial);
  const id = `audit-${name}`;
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-xs font-medium">
        {label} <span className="font-normal text-muted-foreground">({hydrated ? 'your time' : 'UTC'})</span>
      </label>
      <Input
        key={hydrated ? 'local' : 'utc'}
        id={id}
        type="datetime-local"
        defaultValue={inputValue(value, hydrated)}
        onChange={(e) => {
          const v = e.target.value;
          setValue(v ? new Date(hydrated ? v : `${v}Z`).toISOString() : '');
        }}
      />
      <input type="hidden" name={name} value={value} />
    </div>
  );
}

export function TimeRangeFields({ from, to }: { from: string; to: string }) {
  return (
    <>
      <Field name="from" label="From" initial={from} />
      <Field name="to" label="To" initial={to} />
    </>
  );
}
