'use client';
// The reviewer's decision: the security checklist, approve / request changes / reject, and a reason (required
// to reject or ask for changes). Four-eyes and the two-reviewer rule are stated, and a decision that lost the
// race ("no longer in review") is reported with a reload.
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { FormField } from '@/components/ui/form-field';
import { Textarea } from '@/components/ui/textarea';
import { useFormAction, type FormResult } from '@/components/catalogue/use-form-action';
import { CHECKLIST_ITEMS } from '@/lib/schemas/tool-request';

const OUTCOMES = [
  { value: 'approve', label: 'Approve', help: 'Every checklist item holds.' },
  { value: 'changes_requested', label: 'Request changes', help: 'The requester updates and resubmits.' },
  { value: 'reject', label: 'Reject', help: 'Final: the request is closed.' },
] as const;

export function DecisionForm({ id, approvals, requiredApprovals, alreadyApproved, action }: {
  id: string; approvals: number; requiredApprovals: number; alreadyApproved: boolean; action: (fd: FormData) => Promise<FormResult<{ status: string }>>;
}) {
  const router = useRouter();
  const [outcome, setOutcome] = useState<string>('approve');
  const { result, pending, onSubmit, onInput, errorFor } = useFormAction(action, () => router.refresh());
  const stale = result && !result.ok && (result.code === 'INVALID_STATE' || result.code === 'CONFLICT');
  // After this reviewer's own approval of a two-reviewer request, there is nothing left for them to decide.
  if (alreadyApproved) {
    return <Alert variant="info" title="Your approval is recorded">{approvals} of {requiredApprovals} approvals so far: a second, different reviewer must approve this round.</Alert>;
  }
  return (
    <form onSubmit={onSubmit} onInput={onInput} className="space-y-4" noValidate aria-label="Review decision">
      <input type="hidden" name="id" value={id} />
      {requiredApprovals > 1 ? (
        <Alert variant="info" title="Two-reviewer rule">This request is high risk: it needs approvals from two different reviewers. {approvals} of {requiredApprovals} so far.{alreadyApproved ? ' You already approved this round; a second, different reviewer must approve.' : ''}</Alert>
      ) : null}
      <fieldset className="space-y-2">
        <legend className="mb-1 text-sm font-semibold">Security checklist</legend>
        {CHECKLIST_ITEMS.map((c) => <Checkbox key={c.key} name={`checklist.${c.key}`} label={c.label} description={c.help} />)}
        {errorFor('checklist') ? <p role="alert" className="text-sm font-medium text-destructive">{errorFor('checklist')?.join(' ')}</p> : null}
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="mb-1 text-sm font-semibold">Decision</legend>
        {OUTCOMES.map((o) => (
          <label key={o.value} className="flex items-start gap-2 text-sm">
            <input type="radio" name="outcome" value={o.value} checked={outcome === o.value} onChange={() => setOutcome(o.value)} className="mt-1 accent-primary" />
            <span><span className="font-medium">{o.label}</span><span className="block text-xs text-muted-foreground">{o.help}</span></span>
          </label>
        ))}
      </fieldset>
      <FormField label={outcome === 'approve' ? 'Comment (optional)' : outcome === 'reject' ? 'Reason for the rejection' : 'What must change'} required={outcome !== 'approve'} error={errorFor('reason')}>
        <Textarea name="reason" rows={3} />
      </FormField>
      {result && !result.ok && !result.fieldErrors ? (
        <Alert variant="destructive" title={stale ? 'Someone acted first' : 'Not recorded'}>
          {result.message} {stale ? <Button variant="link" size="sm" className="h-auto p-0" onClick={() => router.refresh()}>Reload the request</Button> : null}
        </Alert>
      ) : null}
      {result?.ok ? <Alert variant="success">Decision recorded.</Alert> : null}
      <Button type="submit" disabled={pending} variant={outcome === 'reject' ? 'destructive' : 'default'}>{pending ? 'Recording…' : 'Record decision'}</Button>
    </form>
  );
}
