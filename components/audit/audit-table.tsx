import Link from 'next/link';
import { FileSearch } from 'lucide-react';
import { EmptyState } from '@/components/ui/empty-state';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { LocalTime } from '@/components/approvals/time';
import type { TAuditEventDto } from '@/lib/schemas/audit';
import { OutcomeBadge } from './outcome-badge';

/** A cell that wraps long values and keeps the full text on hover; nothing is cut off at 1280 px. */
function Wrap({ text, className }: { text: string; className?: string }) {
  return <span title={text} className={`block break-all ${className ?? ''}`}>{text}</span>;
}

export function AuditTable({ items }: { items: TAuditEventDto[] }) {
  if (items.length === 0) {
    return <EmptyState icon={<FileSearch aria-hidden />} title="No audit events match" description="Change or reset the filters." />;
  }
  return (
    <Table aria-label="Audit events" className="table-fixed">
      <THead>
        <TR>
          <TH className="w-[10.5rem]">When</TH>
          <TH>Who</TH>
          <TH>What</TH>
          <TH>Resource</TH>
          <TH className="w-[10rem]">Result</TH>
          <TH className="w-[5rem] text-right">Latency</TH>
          <TH className="w-[7.5rem]">Request</TH>
        </TR>
      </THead>
      <TBody>
        {items.map((e) => (
          <TR key={e.id}>
            <TD className="text-xs"><LocalTime iso={e.createdAt} /></TD>
            <TD>
              <Wrap text={e.actor} className="text-sm" />
              <div className="text-xs text-muted-foreground">{e.actorKind} via {e.via}{e.tenant ? ` · ${e.tenant}` : ''}</div>
            </TD>
            <TD>
              <code className="block break-all text-xs" title={e.action}>{e.action}</code>
              {e.toolSlug ? <Wrap text={`${e.toolSlug}${e.toolVersion ? ` v${e.toolVersion}` : ''}`} className="text-xs text-muted-foreground" /> : null}
            </TD>
            <TD className="text-xs">
              <Wrap text={`${e.resourceType}${e.resourceId ? `:${e.resourceId}` : ''}`} />
              {e.resourcesTouched.length ? <Wrap text={e.resourcesTouched.join(', ')} className="text-muted-foreground" /> : null}
            </TD>
            <TD>
              <OutcomeBadge outcome={e.outcome} />
              {e.errorCode ? <Wrap text={e.errorCode} className="text-xs text-muted-foreground" /> : null}
            </TD>
            <TD className="text-right tabular-nums">{e.latencyMs === null ? '—' : `${e.latencyMs} ms`}</TD>
            <TD>
              <Link href={`/audit/${encodeURIComponent(e.id)}`} className="font-mono text-[11px] text-primary underline-offset-2 hover:underline" title={`Request ${e.requestId} — open the event`} aria-label={`Open event ${e.action} of request ${e.requestId}`}>
                {e.requestId.slice(0, 13)}…
              </Link>
            </TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
