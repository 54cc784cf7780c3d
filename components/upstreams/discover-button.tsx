'use client';
// "Discover now": reaches the server, records its health, and syncs its tools into the catalogue (new ones as
// candidates in review, changed ones quarantined). The outcome is announced to screen readers.
import { useState } from 'react';
import { discoverUpstreamAction } from '@/app/(portal)/admin/upstreams/actions';
import { useAction } from '@/components/activation/use-action';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

export function DiscoverButton({ id }: { id: string }) {
  const { run, pending, error } = useAction(discoverUpstreamAction);
  const [done, setDone] = useState<string | null>(null);
  async function discover() {
    setDone(null);
    const r = await run({ id });
    if (r) setDone(`Reached in ${r.latencyMs} ms: ${r.tools} tool${r.tools === 1 ? '' : 's'} offered${r.changed ? `, ${r.changed} changed (quarantined until reviewed)` : ''}.`);
  }
  return (
    <div className="grid gap-2">
      <Button type="button" onClick={discover} disabled={pending}>{pending ? 'Discovering…' : 'Discover now'}</Button>
      <div aria-live="polite">
        {done ? <Alert variant="success">{done}</Alert> : null}
        {error ? <Alert variant="destructive">{error.message}</Alert> : null}
      </div>
    </div>
  );
}
