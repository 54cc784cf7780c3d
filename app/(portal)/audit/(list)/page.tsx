import { requirePagePermission } from '@/lib/server/auth/guard';
import { parseInput } from '@/lib/server/boundary';
import { ZFindAuditEventsInput, type AuditPage as TAuditPage } from '@/lib/schemas/audit';
import { findAuditEvents } from '@/lib/services/audit/find-audit-events';
import { getAuditChainStatus } from '@/lib/services/audit/get-audit-chain-status';
import { ChainStatus } from '@/components/audit/chain-status';
import { canCrossTenants } from '@/lib/policy';
import { isAppError } from '@/lib/errors';
import { PageHeader } from '@/components/ui/page-header';
import { Alert } from '@/components/ui/alert';
import { AuditFilters } from '@/components/audit/audit-filters';
import { AuditResultsBar } from '@/components/audit/audit-results-bar';
import { AuditTable } from '@/components/audit/audit-table';

export const metadata = { title: 'Audit' };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePagePermission('audit.read');
  const raw = Object.fromEntries(Object.entries(await searchParams).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''));
  let result: TAuditPage | null = null;
  let error: string | null = null;
  try {
    result = await findAuditEvents({ actor, query: parseInput(ZFindAuditEventsInput, raw) });
  } catch (e) {
    if (!isAppError(e) || (e.code !== 'VALIDATION' && e.code !== 'BAD_REQUEST')) throw e;
    error = e.userMessage;
  }
  const chain = await getAuditChainStatus({ actor });
  const { cursor, ...filterValues } = raw;
  const filters = new URLSearchParams(filterValues).toString();
  return (
    <>
      <PageHeader title="Audit log" description="Who did what, when, with which result and on which resources. Every tool call and every governed change." />
      <ChainStatus status={{
        sealedUpTo: chain.sealedUpTo, unsealed: chain.unsealed,
        lastCheckpoint: chain.lastCheckpoint && { seq: chain.lastCheckpoint.seq, at: chain.lastCheckpoint.at.toISOString(), keyId: chain.lastCheckpoint.keyId },
        lastVerification: chain.lastVerification && { ...chain.lastVerification, at: chain.lastVerification.at.toISOString() },
      }} />
      <AuditFilters values={filterValues} showTenant={canCrossTenants(actor)} />
      {error ? (
        <Alert variant="destructive" title="These filters cannot be applied">{error}</Alert>
      ) : result ? (
        <div className="space-y-3">
          <AuditResultsBar count={result.count} filters={filters} cursor={cursor} nextCursor={result.nextCursor} />
          <AuditTable items={result.items} />
        </div>
      ) : null}
    </>
  );
}
