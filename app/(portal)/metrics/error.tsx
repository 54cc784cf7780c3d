'use client';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

export default function MetricsError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="grid max-w-xl gap-4">
      <h1 className="text-2xl font-semibold">The metrics could not be loaded</h1>
      <Alert variant="destructive">Nothing was changed. Try again in a moment{error.digest ? ` (reference ${error.digest})` : ''}.</Alert>
      <div><Button onClick={reset}>Try again</Button></div>
    </div>
  );
}
