import * as React from 'react';
import { ChevronDown } from 'lucide-react';
import { cn } from '@/lib/utils';
import { controlClasses } from '@/components/ui/input';

export type SelectOption = { value: string; label: React.ReactNode; disabled?: boolean };

export type SelectProps = React.ComponentProps<'select'> & {
  /** Convenience: rendered as <option>s after `children`. */
  options?: readonly SelectOption[];
  /** Adds a first empty-valued option (e.g. "Any status"). */
  placeholder?: string;
  wrapperClassName?: string;
};

/** Native <select> (works in plain GET/POST forms without JS), styled like Input. */
export function Select({ className, wrapperClassName, options, placeholder, children, ...props }: SelectProps) {
  return (
    <div className={cn('relative w-full', wrapperClassName)}>
      <select className={cn(controlClasses, 'h-9 appearance-none py-1 pr-9', className)} {...props}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {children}
        {options?.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled}>
            {o.label}
          </option>
        ))}
      </select>
      <ChevronDown
        aria-hidden="true"
        className="pointer-events-none absolute right-3 top-1/2 size-4 -translate-y-1/2 text-muted-foreground"
      />
    </div>
  );
}
