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
  const request = can(actor, 'tool_request.create') ? <Button asChild><Link href="/requests/new"><Plus aria-hidden /> Request a tool</Link></Button> : null;
  const declare = can(actor, 'tool.declare') ? <Button asChild variant="outline"><Link href="/catalogue/new/http"><Plus aria-hidden /> Declare an HTTP tool</Link></Button> : null;
  const action = request || declare ? <div className="flex flex-wrap gap-2">{declare}{request}</div> : null;
  const header = <PageHeader title="Tool catalogue" description="Every governed tool agents can use: what it reads and writes, its risk, owner, limits and whether it is enabled for you." actions={action} />;
  let input;
  let invalid: { message: string; fields: string[] } | null = null;
  try {
    input = parseInput(ZFindToolsInput, raw);
  } catch (e) {
    if (!isAppError(e) || (e.code !== 'VALIDATION' && e.code !== 'BAD_REQUEST')) throw e;
    // The filters stay on screen, the valid ones kept, with the message; the invalid ones are left out.
    const fields = Object.keys(e.fieldErrors ?? {}).map((k) => k.split('.')[0]!);
    invalid = { message: e.userMessage, fields };
    input = ZFindToolsInput.parse(Object.fromEntries(Object.entries(raw).filter(([k]) => !fields.includes(k))));
  }
  const result = await findTools({ actor, ...input });
  const params = new URLSearchParams(Object.entries(raw).filter(([k]) => !invalid?.fields.includes(k)).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v]])));
  const exportParams = new URLSearchParams(params);
  exportParams.delete('page');
  exportParams.delete('pageSize');
  return (
    <>
      {header}
      {invalid ? (
        <Alert variant="destructive" title="These filters are not valid" className="mb-4">
          {invalid.message} The other filters still apply. <Link href="/catalogue" className="underline">Reset the filters</Link>.
        </Alert>
      ) : null}
      <CatalogueFilters values={input} options={result.options} counts={result.counts} hasTenant={result.hasTenant} exportQuery={exportParams.toString()} />
      <p className="mb-2 text-sm text-muted-foreground" aria-live="polite" data-testid="catalogue-count">
        {result.total.toLocaleString('en-US')} tool{result.total === 1 ? '' : 's'}{input.q ? ` matching “${input.q}”` : ''}
      </p>
      <ToolTable result={result} params={params.toString()} />
    </>
  );
}
