import * as React from 'react';
import { cva, type VariantProps } from 'class-variance-authority';
import {
  CircleCheck,
  CircleExclamationPoint,
  Info,
  TriangleExclamationPoint,
  type LucideIcon,
} from 'lucide-react';
import { cn } from '@/lib/utils';

export const alertVariants = cva(
  'relative flex w-full gap-3 rounded-lg border px-4 py-3 text-sm [&>svg]:mt-0.5 [&>svg]:size-4 [&>svg]:shrink-0',
  {
    variants: {
      variant: {
        info: 'border-info/30 bg-info-soft text-info-soft-foreground',
        success: 'border-success/30 bg-success-soft text-success-soft-foreground',
        warning: 'border-warning/30 bg-warning-soft text-warning-soft-foreground',
        destructive: 'border-destructive/30 bg-destructive-soft text-destructive-soft-foreground',
      },
    },
    defaultVariants: { variant: 'info' },
  },
);

type AlertVariant = NonNullable<VariantProps<typeof alertVariants>['variant']>;

const icons: Record<AlertVariant, LucideIcon> = {
  info: Info,
  success: CircleCheck,
  warning: TriangleExclamationPoint,
  destructive: CircleExclamationPoint,
};

export type AlertProps = Omit<React.ComponentProps<'div'>, 'title'> &
  VariantProps<typeof alertVariants> & {
    title?: React.ReactNode;
    /** Custom icon, or `false` to hide it. */
    icon?: React.ReactNode | false;
  };

/**
 * Inline message. `destructive` gets role="alert" (announced immediately), `success`
 * role="status"; others are static. Override with an explicit `role`.
 */
export function Alert({ className, variant, title, icon, role, children, ...props }: AlertProps) {
  const v: AlertVariant = variant ?? 'info';
  const Icon = icons[v];
  const defaultRole = v === 'destructive' ? 'alert' : v === 'success' ? 'status' : undefined;
  return (
    <div role={role ?? defaultRole} className={cn(alertVariants({ variant: v }), className)} {...props}>
      {icon === false ? null : (icon ?? <Icon aria-hidden />)}
      <div className="grid flex-1 gap-1">
        {title ? <AlertTitle>{title}</AlertTitle> : null}
        {children ? <AlertDescription>{children}</AlertDescription> : null}
      </div>
    </div>
  );
}

export function AlertTitle({ className, ...props }: React.ComponentProps<'p'>) {
  return <p className={cn('font-semibold leading-tight', className)} {...props} />;
}

export function AlertDescription({ className, ...props }: React.ComponentProps<'div'>) {
  return <div className={cn('leading-relaxed [&_p]:leading-relaxed', className)} {...props} />;
}
