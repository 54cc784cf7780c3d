import Link from 'next/link';
import { Plus } from 'lucide-react';
import { requirePagePermission } from '@/lib/server/auth/guard';
import { parseInput } from '@/lib/server/boundary';
import { can } from '@/lib/policy';
import { isAppError } from '@/lib/errors';
import { cleanParams, ZFindToolsInput } from '@/lib/schemas/catalogue';
import { findTools } from '@/lib/services/catalogue/find-tools';
import { PageHeader } from '@/components/ui/page-header';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { CatalogueFilters } from '@/components/catalogue/catalogue-filters';
import { ToolTable } from '@/components/catalogue/tool-table';

export const metadata = { title: 'Catalogue' };

export default async function CataloguePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePagePermission('catalogue.read');
  const raw = cleanParams(await searchParams);
  const action = can(actor, 'tool_request.create') ? <Button asChild><Link href="/requests/new"><Plus aria-hidden /> Request a tool</Link></Button> : null;
  const header = <PageHeader title="Tool catalogue" description="Every governed tool agents can use: what it reads and writes, its risk, owner, limits and whether it is enabled for you." actions={action} />;
  let result;
  let input;
  try {
    input = parseInput(ZFindToolsInput, raw);
    result = await findTools({ actor, ...input });
  } catch (e) {
    if (!isAppError(e) || (e.code !== 'VALIDATION' && e.code !== 'BAD_REQUEST')) throw e;
    return (
      <>
        {header}
        <Alert variant="destructive" title="These filters are not valid">{e.userMessage} <Link href="/catalogue" className="underline">Reset the filters</Link>.</Alert>
      </>
    );
  }
  const params = new URLSearchParams(Object.entries(raw).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v]])));
  const exportParams = new URLSearchParams(params);
  exportParams.delete('page');
  exportParams.delete('pageSize');
  return (
    <>
      {header}
      <CatalogueFilters values={input} options={result.options} counts={result.counts} hasTenant={result.hasTenant} exportQuery={exportParams.toString()} />
      <p className="mb-2 text-sm text-muted-foreground" aria-live="polite" data-testid="catalogue-count">
        {result.total.toLocaleString('en-US')} tool{result.total === 1 ? '' : 's'}{input.q ? ` matching “${input.q}”` : ''}
      </p>
      <ToolTable result={result} params={params.toString()} />
    </>
  );
}
