'use client';
import { useRef } from 'react';
import { useRouter } from 'next/navigation';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Textarea } from '@/components/ui/textarea';
import { useFormAction, type FormResult } from '@/components/catalogue/use-form-action';

export function CommentForm({ id, action }: { id: string; action: (fd: FormData) => Promise<FormResult<{ id: string }>> }) {
  const router = useRouter();
  const ref = useRef<HTMLFormElement>(null);
  const { result, pending, onSubmit, onInput, errorFor } = useFormAction(action, () => { ref.current?.reset(); router.refresh(); });
  return (
    <form ref={ref} onSubmit={onSubmit} onInput={onInput} className="grid gap-2" noValidate>
      <input type="hidden" name="id" value={id} />
      <FormField label="Add a comment" error={errorFor('comment')}><Textarea name="comment" rows={3} placeholder="Questions, answers, context for the reviewers…" /></FormField>
      {result && !result.ok && !result.fieldErrors ? <Alert variant="destructive">{result.message}</Alert> : null}
      <div><Button type="submit" size="sm" variant="secondary" disabled={pending}>{pending ? 'Posting…' : 'Post comment'}</Button></div>
    </form>
  );
}
