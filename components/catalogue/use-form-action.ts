'use client';
// Submits a form to a server action without React's automatic form reset (the user's input stays on error),
// and keeps the last result for field errors and the status message. A field's error clears as soon as the user
// edits that field (attach `onInput` to the form), so a fixed field never shows a stale message.
import { useState, useTransition } from 'react';

export type FormResult<T> = { ok: true; data: T } | { ok: false; code: string; message: string; fieldErrors?: Record<string, string[]> };

export function useFormAction<T>(action: (fd: FormData) => Promise<FormResult<T>>, onSuccess?: (data: T) => void) {
  const [result, setResult] = useState<FormResult<T> | null>(null);
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  const [pending, start] = useTransition();
  const onInput = (e: React.FormEvent<HTMLFormElement>) => {
    const name = (e.target as HTMLInputElement).name;
    if (name && !edited.has(name)) setEdited(new Set(edited).add(name));
  };
  const onSubmit = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setEdited(new Set());
    const fd = new FormData(e.currentTarget);
    const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    if (submitter?.name) fd.set(submitter.name, submitter.value);
    start(async () => {
      const r = await action(fd);
      setResult(r);
      if (r.ok) onSuccess?.(r.data);
    });
  };
  const errorFor = (field: string) => (result && !result.ok && !edited.has(field) ? result.fieldErrors?.[field] : undefined);
  return { result, pending, onSubmit, onInput, errorFor, edited };
}
