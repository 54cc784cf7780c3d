'use client';
import { useState } from 'react';
import Link from 'next/link';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Textarea } from '@/components/ui/textarea';
import { useFormAction, type FormResult } from '@/components/catalogue/use-form-action';

export function VersionDecisionForm({ versionId, slug, decided, action }: { versionId: string; slug: string; decided: string | null; action: (fd: FormData) => Promise<FormResult<{ slug: string; version: number; status: string }>> }) {
  const [outcome, setOutcome] = useState<'approve' | 'reject'>('approve');
  const { result, pending, onSubmit, onInput, errorFor } = useFormAction(action);
  if (result?.ok && result.data.status === 'in_review') {
    return <Alert variant="success" title="Your approval is recorded">A second, different reviewer must approve before version {result.data.version} is served.</Alert>;
  }
  if (result?.ok) {
    return <Alert variant="success" title={result.data.status === 'approved' ? `Version ${result.data.version} is now served` : 'Change rejected'}><Link className="underline" href={`/catalogue/${result.data.slug}`}>Open the tool</Link></Alert>;
  }
  if (decided) {
    return <Alert variant="info" title="No longer in review">This version was {decided} by another reviewer. <Link className="underline" href={`/catalogue/${slug}`}>Open the tool</Link></Alert>;
  }
  return (
    <form onSubmit={onSubmit} onInput={onInput} className="space-y-3" noValidate>
      <input type="hidden" name="versionId" value={versionId} />
      <fieldset className="space-y-2">
        <legend className="mb-1 text-sm font-semibold">Decision</legend>
        {(['approve', 'reject'] as const).map((o) => (
          <label key={o} className="flex items-center gap-2 text-sm"><input type="radio" name="outcome" value={o} checked={outcome === o} onChange={() => setOutcome(o)} className="accent-primary" />{o === 'approve' ? 'Approve and serve' : 'Reject'}</label>
        ))}
      </fieldset>
      <FormField label={outcome === 'reject' ? 'Reason for the rejection' : 'Comment (optional)'} required={outcome === 'reject'} error={errorFor('reason')}><Textarea name="reason" rows={3} /></FormField>
      {result && !result.ok && !result.fieldErrors ? <Alert variant="destructive">{result.message}</Alert> : null}
      <Button type="submit" disabled={pending} variant={outcome === 'reject' ? 'destructive' : 'default'}>{pending ? 'Recording…' : 'Record decision'}</Button>
    </form>
  );
}
