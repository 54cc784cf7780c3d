// The audit chain at a glance: how far events are sealed (hash-chained), the last signed checkpoint and the last
// `npm run audit:verify`. Server component; dates in UTC with the local time beside them (LocalTime).
import { ShieldAlert, ShieldCheck } from 'lucide-react';
import { LocalTime } from '@/components/approvals/time';

export interface ChainStatusView {
  sealedUpTo: string | null;
  unsealed: number;
  lastCheckpoint: { seq: string; at: string; keyId: string } | null;
  lastVerification: { at: string; ok: boolean; message: string } | null;
}

export function ChainStatus({ status }: { status: ChainStatusView }) {
  const v = status.lastVerification;
  const Icon = v && !v.ok ? ShieldAlert : ShieldCheck;
  return (
    <section aria-label="Audit chain" className="mb-4 flex flex-wrap items-start gap-x-6 gap-y-1 rounded-md border border-border bg-card px-4 py-3 text-sm" data-testid="chain-status">
      <Icon aria-hidden className={`mt-0.5 size-4 ${v && !v.ok ? 'text-destructive' : 'text-success'}`} />
      <span>Sealed up to seq <strong>{status.sealedUpTo ?? '—'}</strong>{status.unsealed ? ` · ${status.unsealed.toLocaleString('en-US')} newer not sealed yet` : ''}</span>
      <span>Last signed checkpoint: {status.lastCheckpoint ? <>seq {status.lastCheckpoint.seq}, <LocalTime iso={status.lastCheckpoint.at} /></> : 'none yet'}</span>
      <span>
        Last verification:{' '}
        {v ? <><strong className={v.ok ? 'text-success' : 'text-destructive'}>{v.ok ? 'intact' : 'FAILED'}</strong> <LocalTime iso={v.at} /> — {v.message}</> : 'not run yet (npm run audit:verify)'}
      </span>
    </section>
  );
}
