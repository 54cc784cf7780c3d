import Link from 'next/link';
import { cn } from '@/lib/utils';

export interface SectionNavItem<K extends string> {
  key: K;
  href: string;
  label: string;
}

/** Tabs between the pages of one portal section (a labelled nav; the current page marked with aria-current). */
export function SectionNav<K extends string>({ label, items, current }: { label: string; items: readonly SectionNavItem<K>[]; current: K }) {
  return (
    <nav aria-label={label} className="mb-6 flex gap-1 border-b border-border">
      {items.map((i) => (
        <Link
          key={i.key}
          href={i.href}
          aria-current={current === i.key ? 'page' : undefined}
          className={cn('-mb-px border-b-2 px-3 py-2 text-sm', current === i.key ? 'border-primary font-medium text-foreground' : 'border-transparent text-muted-foreground hover:text-foreground')}
        >
          {i.label}
        </Link>
      ))}
    </nav>
  );
}
