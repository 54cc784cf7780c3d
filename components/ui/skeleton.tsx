import * as React from 'react';
import { cn } from '@/lib/utils';

/** Loading placeholder block. Decorative: announce loading elsewhere (e.g. <Spinner> or aria-busy). */
export function Skeleton({ className, ...props }: React.ComponentProps<'div'>) {
  return <div aria-hidden="true" className={cn('animate-pulse rounded-md bg-muted', className)} {...props} />;
}
