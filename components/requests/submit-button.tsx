'use client';
import { useRouter } from 'next/navigation';
import { Send } from 'lucide-react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useFormAction, type FormResult } from '@/components/catalogue/use-form-action';

/** Submits a complete draft from its page; an incomplete one names what is missing. */
export function SubmitButton({ id, action }: { id: string; action: (fd: FormData) => Promise<FormResult<unknown>> }) {
  const router = useRouter();
  const { result, pending, onSubmit } = useFormAction(action, () => router.refresh());
  return (
    <form onSubmit={onSubmit} className="grid gap-2">
      <input type="hidden" name="id" value={id} />
      <Button type="submit" disabled={pending}><Send aria-hidden /> {pending ? 'Submitting…' : 'Submit for review'}</Button>
      {result && !result.ok ? <Alert variant="destructive" className="max-w-md">{result.message}</Alert> : null}
    </form>
  );
}
