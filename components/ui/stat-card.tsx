import * as React from 'react';
import { cn } from '@/lib/utils';

export type StatCardProps = Omit<React.ComponentProps<'div'>, 'children'> & {
  label: React.ReactNode;
  value: React.ReactNode;
  /** Secondary line, e.g. "+12% vs last week". */
  hint?: React.ReactNode;
  /** Decorative icon element. */
  icon?: React.ReactNode;
};

export function StatCard({ label, value, hint, icon, className, ...props }: StatCardProps) {
  return (
    <div
      className={cn('rounded-lg border border-border bg-card p-5 text-card-foreground shadow-sm', className)}
      {...props}
    >
      <dl>
        <div className="grid gap-1">
          <dt className="flex items-center justify-between gap-2 text-sm font-medium text-muted-foreground">
            {label}
            {icon ? (
              <span aria-hidden="true" className="[&_svg]:size-4">
                {icon}
              </span>
            ) : null}
          </dt>
          <dd className="text-2xl font-semibold tabular-nums tracking-tight">{value}</dd>
          {hint ? <dd className="text-xs text-muted-foreground">{hint}</dd> : null}
        </div>
      </dl>
    </div>
  );
}
