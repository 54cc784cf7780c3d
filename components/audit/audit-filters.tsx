import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { SearchInput } from '@/components/ui/search-input';
import { Select } from '@/components/ui/select';
import { AUDIT_OUTCOMES, type TFindAuditEventsInput } from '@/lib/schemas/audit';

export function AuditFilters({ values, showTenant }: { values: TFindAuditEventsInput; showTenant: boolean }) {
  return (
    <form method="get" className="mb-4 grid gap-3 rounded-lg border border-border bg-card p-3 sm:grid-cols-2 lg:grid-cols-6" aria-label="Filter audit events">
      <div className="lg:col-span-2">
        <label htmlFor="audit-q" className="mb-1 block text-xs font-medium">Search</label>
        <SearchInput id="audit-q" name="q" defaultValue={values.q} placeholder="Request id, action, tool, actor…" />
      </div>
      <div>
        <label htmlFor="audit-outcome" className="mb-1 block text-xs font-medium">Outcome</label>
        <Select id="audit-outcome" name="outcome" defaultValue={values.outcome ?? ''} placeholder="Any" options={AUDIT_OUTCOMES.map((o) => ({ value: o, label: o.replace('_', ' ') }))} />
      </div>
      {showTenant ? (
        <div>
          <label htmlFor="audit-tenant" className="mb-1 block text-xs font-medium">Tenant</label>
          <Input id="audit-tenant" name="tenant" defaultValue={values.tenant ?? ''} placeholder="slug, e.g. acme" />
        </div>
      ) : null}
      <div>
        <label htmlFor="audit-from" className="mb-1 block text-xs font-medium">From</label>
        <Input id="audit-from" type="date" name="from" defaultValue={values.from ?? ''} />
      </div>
      <div>
        <label htmlFor="audit-to" className="mb-1 block text-xs font-medium">To</label>
        <Input id="audit-to" type="date" name="to" defaultValue={values.to ?? ''} />
      </div>
      <div className="flex items-end gap-2 lg:col-span-6">
        <Button type="submit">Apply filters</Button>
        <Button variant="ghost" asChild><a href="?">Reset</a></Button>
      </div>
    </form>
  );
}
