import Link from 'next/link';
import { Download } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { SearchInput } from '@/components/ui/search-input';
import { Select } from '@/components/ui/select';
import { LIFECYCLE_LABELS, SORT_LABELS, TOOL_LIFECYCLES, TOOL_SORTS, type TFindToolsInput } from '@/lib/schemas/catalogue';
import { DATA_CLASSIFICATIONS, RISK_LEVELS } from '@/lib/schemas/tool-request';
import { CLASS_LABELS, RISK_LABELS } from './labels';

interface Props {
  values: Partial<TFindToolsInput>;
  options: { ownerTeams: string[]; categories: string[] };
  counts: { risk: Record<string, number>; lifecycle: Record<string, number> };
  hasTenant: boolean;
  exportQuery: string;
}

const withCount = (label: string, n: number | undefined) => `${label} (${n ?? 0})`;

/** A plain GET form: works without JavaScript, every filter lands in the URL (shareable, back button). */
export function CatalogueFilters({ values, options, counts, hasTenant, exportQuery }: Props) {
  const field = 'mb-1 block text-xs font-medium';
  return (
    <form method="get" role="search" aria-label="Search and filter the catalogue" className="mb-4 grid gap-3 rounded-lg border border-border bg-card p-3 sm:grid-cols-2 lg:grid-cols-4">
      <div className="sm:col-span-2">
        <label htmlFor="cat-q" className={field}>Search</label>
        <SearchInput id="cat-q" name="q" defaultValue={values.q ?? ''} placeholder="Name, description, tag or owner…" />
      </div>
      <div>
        <label htmlFor="cat-risk" className={field}>Risk level</label>
        <Select id="cat-risk" name="risk" defaultValue={values.risk ?? ''} placeholder="Any risk" options={RISK_LEVELS.map((r) => ({ value: r, label: withCount(RISK_LABELS[r], counts.risk[r]) }))} />
      </div>
      <div>
        <label htmlFor="cat-class" className={field}>Data classification</label>
        <Select id="cat-class" name="dataClassification" defaultValue={values.dataClassification ?? ''} placeholder="Any data" options={DATA_CLASSIFICATIONS.map((c) => ({ value: c, label: CLASS_LABELS[c] }))} />
      </div>
      <div>
        <label htmlFor="cat-owner" className={field}>Owner team</label>
        <Select id="cat-owner" name="ownerTeam" defaultValue={values.ownerTeam ?? ''} placeholder="Any team" options={options.ownerTeams.map((t) => ({ value: t, label: t }))} />
      </div>
      <div>
        <label htmlFor="cat-lifecycle" className={field}>Status</label>
        <Select id="cat-lifecycle" name="lifecycle" defaultValue={values.lifecycle ?? ''} placeholder="Any status" options={TOOL_LIFECYCLES.map((l) => ({ value: l, label: withCount(LIFECYCLE_LABELS[l], counts.lifecycle[l]) }))} />
      </div>
      <div>
        <label htmlFor="cat-category" className={field}>Category</label>
        <Select id="cat-category" name="category" defaultValue={values.category ?? ''} placeholder="Any category" options={options.categories.map((c) => ({ value: c, label: c }))} />
      </div>
      <div>
        <label htmlFor="cat-access" className={field}>Access</label>
        <Select id="cat-access" name="access" defaultValue={values.access ?? ''} placeholder="Read-only or write" options={[{ value: 'read_only', label: 'Read-only' }, { value: 'write', label: 'Writes data' }]} />
      </div>
      {hasTenant ? (
        <div>
          <label htmlFor="cat-enabled" className={field}>Enabled for my tenant</label>
          <Select id="cat-enabled" name="enabled" defaultValue={values.enabled ?? ''} placeholder="Enabled or not" options={[{ value: 'yes', label: 'Enabled for me' }, { value: 'no', label: 'Not enabled' }]} />
        </div>
      ) : null}
      <div>
        <label htmlFor="cat-sort" className={field}>Sort by</label>
        <Select id="cat-sort" name="sort" defaultValue={values.sort ?? 'name'} options={TOOL_SORTS.map((s) => ({ value: s, label: SORT_LABELS[s] }))} />
      </div>
      <div className="flex flex-wrap items-end gap-2 sm:col-span-2 lg:col-span-4">
        <Button type="submit">Apply filters</Button>
        <Button variant="ghost" asChild><Link href="/catalogue">Reset</Link></Button>
        <span className="ml-auto flex gap-2">
          <Button variant="outline" size="sm" asChild><a href={`/api/v1/tools/export?format=csv${exportQuery ? `&${exportQuery}` : ''}`} download><Download aria-hidden /> Export CSV</a></Button>
          <Button variant="outline" size="sm" asChild><a href={`/api/v1/tools/export?format=json${exportQuery ? `&${exportQuery}` : ''}`} download><Download aria-hidden /> Export JSON</a></Button>
        </span>
      </div>
    </form>
  );
}
