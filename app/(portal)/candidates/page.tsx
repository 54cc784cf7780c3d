import { requirePagePermission } from '@/lib/server/auth/guard';
import { parseInput } from '@/lib/server/boundary';
import { isAppError } from '@/lib/errors';
import { ZFindCandidatesInput } from '@/lib/schemas/candidates';
import { findCandidates } from '@/lib/services/candidates/find-candidates';
import { RISK_WEIGHT } from '@/lib/services/candidates/value';
import { CandidatesFilters } from '@/components/candidates/candidates-filters';
import { CandidatesTable } from '@/components/candidates/candidates-table';
import { Alert } from '@/components/ui/alert';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';

export const metadata = { title: 'Candidates' };

export default async function CandidatesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePagePermission('candidates.read');
  const raw = Object.fromEntries(Object.entries(await searchParams).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''));
  let error: string | null = null;
  let result: Awaited<ReturnType<typeof findCandidates>> | null = null;
  try {
    result = await findCandidates({ actor, ...parseInput(ZFindCandidatesInput, raw) });
  } catch (e) {
    if (!isAppError(e) || e.code !== 'VALIDATION') throw e;
    error = e.userMessage;
  }
  const { page: _page, ...filters } = raw;
  void _page;
  return (
    <>
      <PageHeader title="Candidates" description="Requested tools and catalogue tools awaiting review, ranked by the value the business teams estimate against their risk." />
      <Card className="mb-4" data-testid="value-formula">
        <CardHeader className="pb-2"><CardTitle as="h2" className="text-base">How the board ranks</CardTitle></CardHeader>
        <CardContent className="grid gap-1 text-sm">
          <p><strong>Value</strong> (hours of work saved per week) = calls per week per team × teams that would use it × minutes saved per call ÷ 60.</p>
          <p><strong>Priority</strong> = value ÷ risk weight, with weights {Object.entries(RISK_WEIGHT).map(([k, v]) => `${k} ${v}`).join(', ')}. A candidate without a full estimate ranks last (“no estimate”).</p>
          <p className="text-muted-foreground">Estimates come from the request form; catalogue tools awaiting review (for example discovered on an upstream server) carry none yet.</p>
        </CardContent>
      </Card>
      <CandidatesFilters values={filters} />
      {error ? <Alert variant="destructive" className="mb-4">{error}</Alert> : null}
      {result && result.rows.length === 0 ? (
        <EmptyState title="No candidates" description={Object.keys(filters).length ? 'Nothing matches these filters.' : 'No request is waiting for a decision and no tool for review.'} />
      ) : null}
      {result && result.rows.length > 0 ? (
        <>
          <CandidatesTable rows={result.rows} offset={(result.page - 1) * result.pageSize} />
          <Pagination className="mt-4" page={result.page} pageCount={result.pageCount} total={result.total} pageSize={result.pageSize} query={new URLSearchParams(filters).toString()} label="Candidate pages" />
        </>
      ) : null}
    </>
  );
}
