'use client';
// A one-button review step (start review, publish, deprecate) with optional fields; errors shown in place.
import { useRouter } from 'next/navigation';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { useFormAction, type FormResult } from '@/components/catalogue/use-form-action';

export interface ExtraField { name: string; label: string; hint?: string; required?: boolean; placeholder?: string }

export function SimpleActionForm({ id, label, pendingLabel, action, fields = [], variant = 'default', successText }: {
  id: string; label: string; pendingLabel: string; action: (fd: FormData) => Promise<FormResult<unknown>>; fields?: ExtraField[];
  variant?: 'default' | 'destructive' | 'outline'; successText?: string;
}) {
  const router = useRouter();
  const { result, pending, onSubmit, onInput, errorFor } = useFormAction(action, () => router.refresh());
  return (
    <form onSubmit={onSubmit} onInput={onInput} className="space-y-3" noValidate>
      <input type="hidden" name="id" value={id} />
      {fields.map((f) => (
        <FormField key={f.name} label={f.label} hint={f.hint} required={f.required} error={errorFor(f.name)}><Input name={f.name} placeholder={f.placeholder} /></FormField>
      ))}
      {result && !result.ok && !(result.fieldErrors && fields.some((f) => result.fieldErrors?.[f.name])) ? <Alert variant="destructive">{result.message}</Alert> : null}
      {result?.ok && successText ? <Alert variant="success">{successText}</Alert> : null}
      <Button type="submit" variant={variant} disabled={pending}>{pending ? pendingLabel : label}</Button>
    </form>
  );
}
