import Link from 'next/link';
import type { ReactNode } from 'react';
import { Card } from '@/components/ui/card';
import { LocalTime } from '@/components/approvals/time';
import { CopyButton } from '@/components/settings/copy-button';
import type { AuditEventDetail } from '@/lib/schemas/audit';

const search = (key: string, value: string) => `/audit?${new URLSearchParams({ [key]: value }).toString()}`;

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 border-b border-border py-2 last:border-0 sm:grid-cols-[11rem_1fr]">
      <dt className="text-sm font-medium text-muted-foreground">{label}</dt>
      <dd className="min-w-0 break-words text-sm">{children}</dd>
    </div>
  );
}

function SearchLink({ k, v, children }: { k: string; v: string; children: ReactNode }) {
  return <Link href={search(k, v)} className="break-all text-primary underline underline-offset-2">{children}</Link>;
}

const dash = <span className="text-muted-foreground">—</span>;
/** Cost is stored in millionths of a currency unit. */
const cost = (micros: number) => (micros / 1_000_000).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 6 });

function ChainRows({ chain }: { chain: AuditEventDetail['chain'] }) {
  return (
    <>
      <Row label="Chain position"><span className="font-mono" data-testid="chain-seq">{chain.seq}</span></Row>
      {chain.sealedAt && chain.hash ? (
        <>
          <Row label="Hash"><code className="break-all text-xs">{chain.hash}</code></Row>
          <Row label="Previous hash"><code className="break-all text-xs">{chain.prevHash ?? '— (first event of the chain)'}</code></Row>
          <Row label="Sealed"><LocalTime iso={chain.sealedAt} /></Row>
        </>
      ) : (
        <Row label="Hash">Not sealed yet: the sealer has not chained this event so far.</Row>
      )}
    </>
  );
}

/** Everything one audit event holds; every id links to the search that finds its other events. */
export function AuditEventDetails({ event: e }: { event: AuditEventDetail }) {
  return (
    <div className="grid gap-6 xl:grid-cols-2">
      <Card className="p-4">
        <dl>
          <Row label="When"><LocalTime iso={e.createdAt} /></Row>
          <Row label="Request id">
            <div className="flex flex-wrap items-center gap-2">
              <code className="break-all text-xs" data-testid="request-id">{e.requestId}</code>
              <CopyButton value={e.requestId} label="Copy" />
            </div>
            <SearchLink k="q" v={e.requestId}>Search events of this request</SearchLink>
          </Row>
          <Row label="Event id"><code className="break-all text-xs">{e.id}</code></Row>
          <Row label="Tenant">{e.tenant ? <SearchLink k="tenant" v={e.tenant}>{e.tenant}</SearchLink> : 'Platform'}</Row>
          <Row label="Actor">
            <SearchLink k="actor" v={e.actor}>{e.actor}</SearchLink>
            <div className="text-xs text-muted-foreground">{e.actorKind}{e.actorId ? ` · id ${e.actorId}` : ''}</div>
          </Row>
          <Row label="Channel">{e.via}</Row>
          <Row label="Resource">
            {e.resourceType}
            {e.resourceId ? <>: <SearchLink k="resource" v={e.resourceId}>{e.resourceId}</SearchLink></> : null}
          </Row>
          <Row label="Resources touched">
            {e.resourcesTouched.length ? (
              <ul className="space-y-0.5">
                {e.resourcesTouched.map((r) => <li key={r}><SearchLink k="resource" v={r}>{r}</SearchLink></li>)}
              </ul>
            ) : dash}
          </Row>
          <Row label="Tool">{e.toolSlug ? <SearchLink k="tool" v={e.toolSlug}>{e.toolSlug}{e.toolVersion ? ` v${e.toolVersion}` : ''}</SearchLink> : dash}</Row>
          <Row label="Outcome">{e.outcome.replace('_', ' ')}{e.errorCode ? <> · <SearchLink k="errorCode" v={e.errorCode}>{e.errorCode}</SearchLink></> : null}</Row>
        </dl>
      </Card>
      <Card className="p-4">
        <dl>
          <Row label="Latency">{e.latencyMs === null ? dash : `${e.latencyMs} ms`}</Row>
          <Row label="Cost">{e.costMicros === null ? dash : cost(e.costMicros)}</Row>
          <Row label="Input / output">{e.inputBytes === null && e.outputBytes === null ? dash : `${e.inputBytes ?? '—'} B / ${e.outputBytes ?? '—'} B`}</Row>
          <Row label="IP address">{e.ip ?? dash}</Row>
          <Row label="Trace id">{e.traceId ? <code className="break-all text-xs">{e.traceId}</code> : dash}</Row>
          <ChainRows chain={e.chain} />
        </dl>
        <h2 className="mb-2 mt-4 text-sm font-semibold">Details (arguments and result summary, redacted)</h2>
        {e.details === null ? (
          <p className="text-sm text-muted-foreground">No details recorded.</p>
        ) : (
          <pre className="max-h-[32rem] overflow-auto whitespace-pre-wrap break-all rounded-md bg-muted p-3 text-xs" data-testid="audit-details">{JSON.stringify(e.details, null, 2)}</pre>
        )}
      </Card>
    </div>
  );
}
