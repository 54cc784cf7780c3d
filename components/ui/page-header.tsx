import * as React from 'react';
import { cn } from '@/lib/utils';

export type PageHeaderProps = Omit<React.ComponentProps<'header'>, 'title'> & {
  title: React.ReactNode;
  description?: React.ReactNode;
  /** Right-aligned buttons/links. */
  actions?: React.ReactNode;
  /** Rendered above the title (e.g. breadcrumbs or a back link). */
  eyebrow?: React.ReactNode;
};

/** Page title block; renders the page's single <h1>. `children` render below the header row. */
export function PageHeader({ title, description, actions, eyebrow, className, children, ...props }: PageHeaderProps) {
  return (
    <header className={cn('flex flex-col gap-4 pb-6', className)} {...props}>
      {eyebrow ? <div className="text-sm text-muted-foreground">{eyebrow}</div> : null}
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="grid min-w-0 gap-1">
          <h1 className="text-2xl font-semibold tracking-tight text-foreground">{title}</h1>
          {description ? <p className="max-w-3xl text-sm text-muted-foreground">{description}</p> : null}
        </div>
        {actions ? <div className="flex shrink-0 flex-wrap items-center gap-2">{actions}</div> : null}
      </div>
      {children}
    </header>
  );
}
