'use client';
// Kill switch: one tool off at once for one tenant, or for every tenant (tenantId null, platform admins).
import { useState } from 'react';
import { setKillSwitchAction } from '@/app/(portal)/activation/actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { ZSetKillSwitchInput } from '@/lib/schemas/activation';
import { useAction } from './use-action';

export type KillTarget = { tenantId: string | null; tenantLabel: string; tool: { id: string; slug: string }; killed: boolean; reason: string | null };

export function KillSwitchDialog({ target, onClose }: { target: KillTarget | null; onClose: () => void }) {
  return (
    <Dialog open={target !== null} onOpenChange={(o) => (o ? null : onClose())}>
      <DialogContent>{target ? <Form key={`${target.tenantId}:${target.tool.id}`} target={target} onDone={onClose} /> : null}</DialogContent>
    </Dialog>
  );
}

function Form({ target, onDone }: { target: KillTarget; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const { run, pending, error } = useAction(setKillSwitchAction, { schema: ZSetKillSwitchInput });
  const fe = error?.fieldErrors ?? {};
  const kill = !target.killed;
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (await run({ tenantId: target.tenantId, toolId: target.tool.id, killed: kill, reason })) onDone();
  }
  return (
    <form onSubmit={submit} noValidate className="grid gap-4">
      <DialogHeader>
        <DialogTitle>{kill ? 'Kill' : 'Revive'} <code>{target.tool.slug}</code> {target.tenantId ? `for ${target.tenantLabel}` : 'everywhere'}</DialogTitle>
        <DialogDescription>
          {kill
            ? `The tool disappears from tools/list and every call is refused within 2 seconds${target.tenantId ? ' for this tenant' : ' for every tenant'}, whatever the activation rules say.`
            : `The activation rules apply again${target.killed && target.reason ? ` (killed because: ${target.reason})` : ''}.`}
        </DialogDescription>
      </DialogHeader>
      <FormField label="Reason" required error={fe.reason} hint="e.g. incident number; kept in the audit log.">
        <Input value={reason} onChange={(e) => setReason(e.target.value)} autoFocus />
      </FormField>
      {error && Object.keys(fe).length === 0 ? <Alert variant="destructive">{error.message}</Alert> : null}
      <DialogFooter>
        <Button type="button" variant="ghost" onClick={onDone}>Cancel</Button>
        <Button type="submit" variant={kill ? 'destructive' : 'default'} disabled={pending}>{pending ? 'Saving…' : kill ? 'Kill now' : 'Revive'}</Button>
      </DialogFooter>
    </form>
  );
}
