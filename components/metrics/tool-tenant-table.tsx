'use client';
// Per tool × tenant: search, tenant filter, sort by a column, pagination (all in the browser: the rows are already
// aggregated, one per pair).
import * as React from 'react';
import type { ToolMetricRow } from '@/lib/schemas/metrics';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { SearchInput } from '@/components/ui/search-input';
import { Select } from '@/components/ui/select';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { fmtCost, fmtInt, fmtMs, fmtPct } from './format';

const PAGE = 10;
type SortKey = 'calls' | 'errorRate' | 'denied' | 'held' | 'p95' | 'costMicros';
const COLUMNS: { key: SortKey; label: string }[] = [
  { key: 'calls', label: 'Calls' }, { key: 'errorRate', label: 'Error rate' }, { key: 'denied', label: 'Denied' },
  { key: 'held', label: 'Escalations' }, { key: 'p95', label: 'p50 / p95' }, { key: 'costMicros', label: 'Cost' },
];

export function ToolTenantTable({ rows, showTenant }: { rows: ToolMetricRow[]; showTenant: boolean }) {
  const [q, setQ] = React.useState('');
  const [tenant, setTenant] = React.useState('');
  const [sort, setSort] = React.useState<SortKey>('calls');
  const [page, setPage] = React.useState(1);
  const tenants = React.useMemo(() => [...new Map(rows.map((r) => [r.tenant, r.tenantName])).entries()].sort(), [rows]);
  const filtered = React.useMemo(() => {
    const needle = q.trim().toLowerCase();
    return rows
      .filter((r) => (!tenant || r.tenant === tenant) && (!needle || r.tool.toLowerCase().includes(needle) || r.tenant.includes(needle) || r.tenantName.toLowerCase().includes(needle)))
      .sort((a, b) => (b[sort] ?? -1) - (a[sort] ?? -1) || a.tool.localeCompare(b.tool));
  }, [rows, q, tenant, sort]);
  const pageCount = Math.max(1, Math.ceil(filtered.length / PAGE));
  const current = Math.min(page, pageCount);
  const shown = filtered.slice((current - 1) * PAGE, current * PAGE);
  return (
    <div className="grid gap-3">
      <div className="flex flex-col gap-2 sm:flex-row">
        <SearchInput aria-label="Search tools and tenants" placeholder="Search tool or tenant…" value={q} onChange={(e) => { setQ(e.target.value); setPage(1); }} wrapperClassName="sm:max-w-xs" />
        {showTenant ? (
          <Select aria-label="Tenant" value={tenant} onChange={(e) => { setTenant(e.target.value); setPage(1); }} placeholder="All tenants" wrapperClassName="sm:max-w-56"
            options={tenants.map(([slug, name]) => ({ value: slug, label: name }))} />
        ) : null}
        <Select aria-label="Sort by" value={sort} onChange={(e) => setSort(e.target.value as SortKey)} wrapperClassName="sm:max-w-48"
          options={COLUMNS.map((c) => ({ value: c.key, label: `Sort: ${c.label}` }))} />
      </div>
      {shown.length === 0 ? (
        <EmptyState headingLevel="h3" title="No tool matches" description="Change the search or the tenant filter." />
      ) : (
        <Table>
          <THead>
            <TR>
              <TH>Tool</TH>
              {showTenant ? <TH>Tenant</TH> : null}
              {COLUMNS.map((c) => <TH key={c.key} className="text-right" aria-sort={sort === c.key ? 'descending' : undefined}>{c.label}</TH>)}
            </TR>
          </THead>
          <TBody>
            {shown.map((r) => (
              <TR key={`${r.tenant}|${r.tool}`} data-testid="metrics-row">
                <TD className="font-mono text-xs">{r.tool}</TD>
                {showTenant ? <TD>{r.tenantName}</TD> : null}
                <TD className="text-right tabular-nums">{fmtInt(r.calls)}</TD>
                <TD className="text-right tabular-nums">{fmtPct(r.errorRate)}</TD>
                <TD className="text-right tabular-nums">{fmtInt(r.denied)}</TD>
                <TD className="text-right tabular-nums">{fmtInt(r.held)}</TD>
                <TD className="text-right tabular-nums whitespace-nowrap">{fmtMs(r.p50)} / {fmtMs(r.p95)}</TD>
                <TD className="text-right tabular-nums">{fmtCost(r.costMicros)}</TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
      <Pagination page={current} pageCount={pageCount} total={filtered.length} pageSize={PAGE} onPageChange={setPage} label="Tool and tenant pages" />
    </div>
  );
}
