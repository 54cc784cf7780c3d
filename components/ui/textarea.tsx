import * as React from 'react';
import { cn } from '@/lib/utils';
import { controlClasses } from '@/components/ui/input';

export type TextareaProps = React.ComponentProps<'textarea'>;

export function Textarea({ className, rows = 4, ...props }: TextareaProps) {
  return <textarea rows={rows} className={cn(controlClasses, 'min-h-16 py-2', className)} {...props} />;
}
