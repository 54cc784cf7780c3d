import * as React from 'react';
import { LoaderCircle } from 'lucide-react';
import { cn } from '@/lib/utils';

const sizes = { sm: 'size-4', md: 'size-6', lg: 'size-8' } as const;

export type SpinnerProps = Omit<React.ComponentProps<'span'>, 'children'> & {
  size?: keyof typeof sizes;
  /** Screen-reader text; also shown visibly when `showLabel`. */
  label?: string;
  showLabel?: boolean;
};

export function Spinner({ size = 'md', label = 'Loading…', showLabel = false, className, ...props }: SpinnerProps) {
  return (
    <span
      role="status"
      className={cn('inline-flex items-center gap-2 text-muted-foreground', className)}
      {...props}
    >
      <LoaderCircle aria-hidden="true" className={cn('animate-spin', sizes[size])} />
      <span className={showLabel ? 'text-sm' : 'sr-only'}>{label}</span>
    </span>
  );
}
