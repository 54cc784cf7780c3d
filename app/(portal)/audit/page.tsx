import { requirePagePermission } from '@/lib/server/auth/guard';
import { parseInput } from '@/lib/server/boundary';
import { ZFindAuditEventsInput } from '@/lib/schemas/audit';
import { findAuditEvents } from '@/lib/services/audit/find-audit-events';
import { canCrossTenants } from '@/lib/policy';
import { isAppError } from '@/lib/errors';
import { PageHeader } from '@/components/ui/page-header';
import { Alert } from '@/components/ui/alert';
import { AuditFilters } from '@/components/audit/audit-filters';
import { AuditTable } from '@/components/audit/audit-table';

export const metadata = { title: 'Audit' };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePagePermission('audit.read');
  const raw = Object.fromEntries(Object.entries(await searchParams).filter(([, v]) => typeof v === 'string' && v !== ''));
  let input;
  try {
    input = parseInput(ZFindAuditEventsInput, raw);
  } catch (e) {
    return (
      <>
        <PageHeader title="Audit log" />
        <Alert variant="destructive">{isAppError(e) ? e.userMessage : 'Invalid filters.'}</Alert>
      </>
    );
  }
  const result = await findAuditEvents({ actor, ...input });
  const params = new URLSearchParams(raw as Record<string, string>);
  return (
    <>
      <PageHeader title="Audit log" description="Who did what, when, with which result and on which resources. Every tool call and every governed change." />
      <AuditFilters values={input} showTenant={canCrossTenants(actor)} />
      <AuditTable result={result} params={params.toString()} />
    </>
  );
}
