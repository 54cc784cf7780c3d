import * as React from 'react';
import { cva, type VariantProps } from 'class-variance-authority';
import { cn } from '@/lib/utils';

export const badgeVariants = cva(
  'inline-flex w-fit shrink-0 items-center gap-1 whitespace-nowrap rounded-full border px-2 py-0.5 text-xs font-medium [&_svg]:size-3',
  {
    variants: {
      variant: {
        default: 'border-transparent bg-primary text-primary-foreground',
        secondary: 'border-transparent bg-secondary text-secondary-foreground',
        outline: 'border-border text-foreground',
        muted: 'border-transparent bg-muted text-muted-foreground',
        // status colors (soft tint, AA-contrast text)
        success: 'border-success/30 bg-success-soft text-success-soft-foreground',
        warning: 'border-warning/30 bg-warning-soft text-warning-soft-foreground',
        destructive: 'border-destructive/30 bg-destructive-soft text-destructive-soft-foreground',
        info: 'border-info/30 bg-info-soft text-info-soft-foreground',
        // risk levels
        low: 'border-success/30 bg-success-soft text-success-soft-foreground',
        medium: 'border-warning/30 bg-warning-soft text-warning-soft-foreground',
        high: 'border-caution/30 bg-caution-soft text-caution-soft-foreground',
        critical: 'border-transparent bg-destructive text-destructive-foreground',
      },
    },
    defaultVariants: { variant: 'default' },
  },
);

export type BadgeVariant = NonNullable<VariantProps<typeof badgeVariants>['variant']>;

export type BadgeProps = React.ComponentProps<'span'> &
  VariantProps<typeof badgeVariants> & {
    /** Shows a small leading dot in the current text color. */
    dot?: boolean;
  };

export function Badge({ className, variant, dot, children, ...props }: BadgeProps) {
  return (
    <span className={cn(badgeVariants({ variant }), className)} {...props}>
      {dot ? <span aria-hidden="true" className="size-1.5 rounded-full bg-current" /> : null}
      {children}
    </span>
  );
}
