// Filters of the candidates board: a plain GET form, so the view lives in the URL and works without JavaScript.
import { Button } from '@/components/ui/button';
import { Label } from '@/components/ui/label';
import { SearchInput } from '@/components/ui/search-input';
import { Select } from '@/components/ui/select';

export interface CandidateFilterValues { q?: string; kind?: string; risk?: string; sort?: string }

export function CandidatesFilters({ values }: { values: CandidateFilterValues }) {
  return (
    <form method="get" className="mb-4 grid gap-3 sm:grid-cols-[1fr_10rem_10rem_12rem_auto] sm:items-end" aria-label="Filter candidates">
      <div className="grid gap-1"><Label htmlFor="c-q">Search</Label><SearchInput id="c-q" name="q" defaultValue={values.q} placeholder="Title or use case…" /></div>
      <div className="grid gap-1"><Label htmlFor="c-kind">Kind</Label>
        <Select id="c-kind" name="kind" defaultValue={values.kind ?? ''} placeholder="Requests and tools" options={[{ value: 'request', label: 'Tool requests' }, { value: 'tool', label: 'Candidate tools' }]} /></div>
      <div className="grid gap-1"><Label htmlFor="c-risk">Risk</Label>
        <Select id="c-risk" name="risk" defaultValue={values.risk ?? ''} placeholder="Any risk" options={['low', 'medium', 'high', 'critical'].map((r) => ({ value: r, label: r[0]!.toUpperCase() + r.slice(1) }))} /></div>
      <div className="grid gap-1"><Label htmlFor="c-sort">Sort by</Label>
        <Select id="c-sort" name="sort" defaultValue={values.sort ?? 'priority'} options={[
          { value: 'priority', label: 'Priority (value ÷ risk)' }, { value: 'value', label: 'Value (hours / week)' }, { value: 'risk', label: 'Risk, highest first' }, { value: 'newest', label: 'Newest first' },
        ]} /></div>
      <Button type="submit">Apply</Button>
    </form>
  );
}
