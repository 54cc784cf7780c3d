import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { SearchInput } from '@/components/ui/search-input';
import { Select } from '@/components/ui/select';
import { AUDIT_CHANNELS, AUDIT_OUTCOMES } from '@/lib/schemas/audit';
import { TimeRangeFields } from './time-range-fields';

export type AuditFilterValues = Partial<Record<string, string>>;

function Text({ name, label, value, placeholder }: { name: string; label: string; value: string | undefined; placeholder: string }) {
  return (
    <div>
      <label htmlFor={`audit-${name}`} className="mb-1 block text-xs font-medium">{label}</label>
      <Input id={`audit-${name}`} name={name} defaultValue={value ?? ''} placeholder={placeholder} />
    </div>
  );
}

/** The search form: a plain GET form, so every filter lives in the URL (shareable, back button, no JS needed). */
export function AuditFilters({ values, showTenant }: { values: AuditFilterValues; showTenant: boolean }) {
  return (
    <form method="get" action="/audit" className="mb-4 grid gap-3 rounded-lg border border-border bg-card p-3 sm:grid-cols-2 lg:grid-cols-6" aria-label="Filter audit events">
      <div className="sm:col-span-2">
        <label htmlFor="audit-q" className="mb-1 block text-xs font-medium">Search</label>
        <SearchInput id="audit-q" name="q" defaultValue={values.q ?? ''} placeholder="Request id, event id, resource id, action, tool…" />
      </div>
      {showTenant ? <Text name="tenant" label="Tenant" value={values.tenant} placeholder="slug, e.g. acme" /> : null}
      <Text name="actor" label="Actor" value={values.actor} placeholder="token:name or email" />
      <div>
        <label htmlFor="audit-via" className="mb-1 block text-xs font-medium">Channel</label>
        <Select id="audit-via" name="via" defaultValue={values.via ?? ''} placeholder="Any" options={AUDIT_CHANNELS.map((c) => ({ value: c, label: c }))} />
      </div>
      <div>
        <label htmlFor="audit-outcome" className="mb-1 block text-xs font-medium">Outcome</label>
        <Select id="audit-outcome" name="outcome" defaultValue={values.outcome ?? ''} placeholder="Any" options={AUDIT_OUTCOMES.map((o) => ({ value: o, label: o.replace('_', ' ') }))} />
      </div>
      <Text name="action" label="Action" value={values.action} placeholder="e.g. tool.called" />
      <Text name="tool" label="Tool" value={values.tool} placeholder="slug" />
      <Text name="errorCode" label="Error code" value={values.errorCode} placeholder="e.g. FORBIDDEN" />
      <Text name="resource" label="Resource id" value={values.resource} placeholder="id or touched resource" />
      <TimeRangeFields from={values.from ?? ''} to={values.to ?? ''} />
      <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-6">
        <Button type="submit">Apply filters</Button>
        <Button variant="ghost" asChild><Link href="/audit">Reset</Link></Button>
      </div>
    </form>
  );
}
