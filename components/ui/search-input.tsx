import * as React from 'react';
import { Search } from 'lucide-react';
import { cn } from '@/lib/utils';
import { Input } from '@/components/ui/input';

export type SearchInputProps = Omit<React.ComponentProps<'input'>, 'type'> & {
  wrapperClassName?: string;
};

/**
 * type="search" input with a leading icon. Works controlled or uncontrolled, e.g.
 * <form method="get"><SearchInput name="q" defaultValue={q} /></form>.
 * Gets aria-label="Search" unless labelled otherwise (aria-label, aria-labelledby, or an `id` used by a <label>).
 */
export function SearchInput({ wrapperClassName, className, placeholder = 'Search…', ...props }: SearchInputProps) {
  const labelled = props['aria-label'] !== undefined || props['aria-labelledby'] !== undefined || props.id !== undefined;
  return (
    <div className={cn('relative w-full', wrapperClassName)}>
      <Search
        aria-hidden="true"
        className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-muted-foreground"
      />
      <Input
        type="search"
        enterKeyHint="search"
        autoComplete="off"
        placeholder={placeholder}
        aria-label={labelled ? undefined : 'Search'}
        className={cn('pl-9', className)}
        {...props}
      />
    </div>
  );
}
