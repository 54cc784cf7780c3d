'use client';
// Set, change or remove (inherit) a tool's rule at one level (tenant, team or user), with a reason; shows the
// current effective state and why, so the admin sees what "inherit" would fall back to.
import { useState } from 'react';
import { setActivationRuleAction } from '@/app/(portal)/activation/actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { ZSetActivationRuleInput } from '@/lib/schemas/activation';
import type { TEffectiveDto, TRuleDto } from '@/lib/schemas/activation-view';
import { EffectiveBadge } from './state-badge';
import { useAction } from './use-action';

export type RuleTarget = {
  tenantId: string;
  tool: { id: string; slug: string };
  scope: 'tenant' | 'team' | 'user';
  teamId?: string;
  userId?: string;
  subjectLabel: string;
  rule: TRuleDto | null;
  effective: TEffectiveDto;
};

type State = 'on' | 'off' | 'inherit';

export function RuleDialog({ target, onClose }: { target: RuleTarget | null; onClose: () => void }) {
  return (
    <Dialog open={target !== null} onOpenChange={(o) => (o ? null : onClose())}>
      <DialogContent>{target ? <RuleForm key={`${target.tool.id}:${target.scope}:${target.teamId ?? target.userId ?? ''}`} target={target} onDone={onClose} /> : null}</DialogContent>
    </Dialog>
  );
}

function RuleForm({ target, onDone }: { target: RuleTarget; onDone: () => void }) {
  const initial: State = target.rule ? (target.rule.enabled ? 'on' : 'off') : 'inherit';
  const [state, setState] = useState<State>(initial === 'inherit' ? 'on' : initial);
  const [useRollout, setUseRollout] = useState(target.rule?.rolloutPercent != null && target.rule.rolloutPercent < 100);
  const [percent, setPercent] = useState(String(target.rule?.rolloutPercent ?? 10));
  const [reason, setReason] = useState('');
  const { run, pending, error } = useAction(setActivationRuleAction, { schema: ZSetActivationRuleInput });
  const fe = error?.fieldErrors ?? {};
  const canRollout = target.scope === 'tenant' && state === 'on';

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const input = {
      tenantId: target.tenantId, toolId: target.tool.id, scope: target.scope, teamId: target.teamId, userId: target.userId, state,
      rolloutPercent: canRollout && useRollout ? (percent.trim() === '' ? Number.NaN : Number(percent)) : null, reason,
    };
    if (await run(input)) onDone();
  }

  return (
    <form onSubmit={submit} noValidate className="grid gap-4">
      <DialogHeader>
        <DialogTitle>
          <code>{target.tool.slug}</code> for {target.subjectLabel}
        </DialogTitle>
        <DialogDescription>The most specific rule wins: user, then team, then tenant. Kill switches override every rule.</DialogDescription>
      </DialogHeader>
      <div className="rounded-md border border-border bg-muted/40 p-3 text-sm">
        <div className="flex flex-wrap items-center gap-2">
          <span className="font-medium">Now:</span> <EffectiveBadge effective={target.effective} />
        </div>
        <p className="mt-1 text-muted-foreground" data-testid="effective-reason">{target.effective.reason}</p>
        <p className="mt-1 text-xs text-muted-foreground">
          Rule at this level: {target.rule ? `${target.rule.enabled ? 'enabled' : 'disabled'}${target.rule.rolloutPercent != null ? ` for ${target.rule.rolloutPercent}% of users` : ''}${target.rule.reason ? ` — “${target.rule.reason}”` : ''}` : 'none (inherits)'}
        </p>
      </div>
      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium">Rule</legend>
        {(['on', 'off', 'inherit'] as const).map((s) => (
          <label key={s} className="flex items-start gap-2 text-sm">
            <input type="radio" name="state" value={s} checked={state === s} onChange={() => setState(s)} className="mt-0.5 accent-primary" />
            <span>
              <span className="font-medium">{s === 'on' ? 'Enable' : s === 'off' ? 'Disable' : 'Inherit'}</span>
              <span className="block text-xs text-muted-foreground">
                {s === 'on' ? `Turn the tool on for ${target.subjectLabel}.` : s === 'off' ? `Turn it off for ${target.subjectLabel}, whatever the less specific levels say.` : 'Remove the rule at this level; the less specific level applies.'}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      {target.scope === 'tenant' ? (
        <div className="grid gap-2">
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={useRollout && canRollout} disabled={!canRollout} onChange={(e) => setUseRollout(e.target.checked)} className="accent-primary" />
            Progressive rollout: only a share of the tenant&apos;s users (stable per user)
          </label>
          {useRollout && canRollout ? (
            <FormField label="Share of users (%)" error={fe.rolloutPercent} hint="The same users stay in the share when you raise it.">
              <Input type="number" inputMode="numeric" min={0} max={100} value={percent} onChange={(e) => setPercent(e.target.value)} className="w-32" />
            </FormField>
          ) : null}
        </div>
      ) : null}
      <FormField label="Reason" required error={fe.reason} hint="Shown next to the rule and kept in the audit log.">
        <Textarea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="e.g. Pilot with the Support team" />
      </FormField>
      {error && Object.keys(fe).length === 0 ? <Alert variant="destructive">{error.message}</Alert> : null}
      <DialogFooter>
        <Button type="button" variant="ghost" onClick={onDone}>Cancel</Button>
        <Button type="submit" disabled={pending}>{pending ? 'Saving…' : 'Save rule'}</Button>
      </DialogFooter>
    </form>
  );
}
