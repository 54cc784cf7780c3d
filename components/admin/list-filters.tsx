// Search and filters of an admin list as a plain GET form: works without JavaScript, keeps the URL shareable,
// and goes back to page 1 on every change.
import { Button } from '@/components/ui/button';
import { SearchInput } from '@/components/ui/search-input';
import { Select } from '@/components/ui/select';

export type FilterSelect = { name: string; label: string; value: string; options: { value: string; label: string }[] };

export function ListFilters({ q, placeholder, selects, hidden = {} }: { q: string; placeholder: string; selects: FilterSelect[]; hidden?: Record<string, string> }) {
  return (
    <form method="get" role="search" className="mb-4 flex flex-col gap-2 sm:flex-row sm:items-end">
      {Object.entries(hidden).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
      <SearchInput name="q" defaultValue={q} placeholder={placeholder} aria-label={placeholder} wrapperClassName="sm:max-w-xs" />
      {selects.map((s) => (
        <label key={s.name} className="grid gap-1 text-xs text-muted-foreground">
          {s.label}
          <Select name={s.name} defaultValue={s.value} options={s.options} />
        </label>
      ))}
      <Button type="submit" variant="outline">Apply</Button>
    </form>
  );
}
