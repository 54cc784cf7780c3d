import * as React from 'react';
import { cn } from '@/lib/utils';

export type CheckboxProps = Omit<React.ComponentProps<'input'>, 'type'> & {
  /** When given, the checkbox is wrapped in a clickable <label>. */
  label?: React.ReactNode;
  description?: React.ReactNode;
};

/** Native checkbox (submits with forms, fully keyboard accessible) with themed accent color. */
export function Checkbox({
  className,
  label,
  description,
  id,
  'aria-describedby': describedBy,
  ...props
}: CheckboxProps) {
  const autoId = React.useId();
  const inputId = id ?? autoId;
  const descId = description ? `${inputId}-desc` : undefined;
  const input = (
    <input
      type="checkbox"
      id={inputId}
      aria-describedby={[describedBy, descId].filter(Boolean).join(' ') || undefined}
      className={cn(
        'peer size-4 shrink-0 cursor-pointer rounded-sm border border-input accent-primary disabled:cursor-not-allowed disabled:opacity-50',
        className,
      )}
      {...props}
    />
  );
  if (!label && !description) return input;
  return (
    <div className="flex items-start gap-2">
      <span className="flex h-5 items-center">{input}</span>
      <div className="grid gap-0.5">
        {label ? (
          <label htmlFor={inputId} className="text-sm font-medium leading-5">
            {label}
          </label>
        ) : null}
        {description ? (
          <p id={descId} className="text-sm text-muted-foreground">
            {description}
          </p>
        ) : null}
      </div>
    </div>
  );
}
