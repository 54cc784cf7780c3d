import * as React from 'react';
import { cn } from '@/lib/utils';
import { Label } from '@/components/ui/label';

/** Props FormField injects into its control. */
export type FormFieldControlProps = {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
  required?: boolean;
};

export type FormFieldProps = {
  label: React.ReactNode;
  /** Control id; generated when omitted (the child's own `id` wins). */
  id?: string;
  /** Validation message(s); shown with role="alert" and wired via aria-describedby. */
  error?: string | readonly string[] | null;
  /** Help text below the control, also wired via aria-describedby. */
  hint?: React.ReactNode;
  required?: boolean;
  /** Visually hide the label (still read by screen readers). */
  hideLabel?: boolean;
  className?: string;
  /** A single control element (Input, Select, Textarea…) or a render function receiving the ARIA props. */
  children: React.ReactElement | ((control: FormFieldControlProps) => React.ReactNode);
};

type ChildProps = { id?: string; 'aria-describedby'?: string; required?: boolean };

export function FormField({ label, id, error, hint, required, hideLabel, className, children }: FormFieldProps) {
  const autoId = React.useId();
  const child = typeof children === 'function' ? null : (children as React.ReactElement<ChildProps>);
  const controlId = child?.props.id ?? id ?? `field-${autoId}`;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errors = (Array.isArray(error) ? error : error ? [error] : []) as readonly string[];
  const errorId = errors.length > 0 ? `${controlId}-error` : undefined;
  const describedBy = [child?.props['aria-describedby'], hintId, errorId].filter(Boolean).join(' ') || undefined;

  const controlProps: FormFieldControlProps = {
    id: controlId,
    'aria-describedby': describedBy,
    ...(errorId ? { 'aria-invalid': true as const } : {}),
    ...(required ? { required: child?.props.required ?? true } : {}),
  };

  return (
    <div className={cn('grid gap-1.5', className)}>
      <Label htmlFor={controlId} required={required} className={hideLabel ? 'sr-only' : undefined}>
        {label}
      </Label>
      {typeof children === 'function' ? children(controlProps) : React.cloneElement(children as React.ReactElement<ChildProps>, controlProps)}
      {hint ? (
        <p id={hintId} className="text-xs text-muted-foreground">
          {hint}
        </p>
      ) : null}
      {errorId ? (
        <p id={errorId} role="alert" className="text-sm font-medium text-destructive">
          {errors.join(' ')}
        </p>
      ) : null}
    </div>
  );
}
