import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requirePagePermission } from '@/lib/server/auth/guard';
import { getAuditEventOrThrow } from '@/lib/services/audit/get-audit-event';
import { isAppError } from '@/lib/errors';
import { PageHeader } from '@/components/ui/page-header';
import { AuditEventDetails } from '@/components/audit/audit-event-details';
import { AuditTable } from '@/components/audit/audit-table';
import { OutcomeBadge } from '@/components/audit/outcome-badge';

export const metadata = { title: 'Audit event' };

export default async function AuditEventPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePagePermission('audit.read');
  const { id } = await params;
  const event = await getAuditEventOrThrow({ actor, id }).catch((e: unknown) => {
    if (isAppError(e) && e.code === 'NOT_FOUND') notFound();
    throw e;
  });
  return (
    <>
      <PageHeader
        eyebrow={<Link href="/audit" className="hover:underline">Audit log</Link>}
        title={<span className="break-all font-mono text-xl">{event.action}</span>}
        actions={<OutcomeBadge outcome={event.outcome} />}
      />
      <AuditEventDetails event={event} />
      <section className="mt-8 space-y-3" aria-labelledby="related-heading">
        <h2 id="related-heading" className="text-base font-semibold">Events with the same request id</h2>
        {event.related.length ? (
          <AuditTable items={event.related} />
        ) : (
          <p className="text-sm text-muted-foreground">No other event carries this request id.</p>
        )}
      </section>
    </>
  );
}
