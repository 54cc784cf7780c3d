'use client';
// Version pin and limits of one tool for one tenant (empty limit = the tenant default).
import { useState } from 'react';
import { setToolPolicyAction } from '@/app/(portal)/activation/actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { ZSetToolPolicyInput } from '@/lib/schemas/activation';
import type { TToolRowDto } from '@/lib/schemas/activation-view';
import { useAction } from './use-action';

const num = (s: string) => (s.trim() === '' ? null : Number(s));

export function ToolPolicyDialog({ tenantId, tool, defaults, onClose }: { tenantId: string; tool: TToolRowDto | null; defaults: { requestsPerMinute: number; callsPerDay: number }; onClose: () => void }) {
  return (
    <Dialog open={tool !== null} onOpenChange={(o) => (o ? null : onClose())}>
      <DialogContent>{tool ? <Form key={tool.id} tenantId={tenantId} tool={tool} defaults={defaults} onDone={onClose} /> : null}</DialogContent>
    </Dialog>
  );
}

function Form({ tenantId, tool, defaults, onDone }: { tenantId: string; tool: TToolRowDto; defaults: { requestsPerMinute: number; callsPerDay: number }; onDone: () => void }) {
  const [pin, setPin] = useState(tool.pinnedVersion === null ? '' : String(tool.pinnedVersion));
  const [rpm, setRpm] = useState(tool.ownLimits.requestsPerMinute === null ? '' : String(tool.ownLimits.requestsPerMinute));
  const [day, setDay] = useState(tool.ownLimits.callsPerDay === null ? '' : String(tool.ownLimits.callsPerDay));
  const [reason, setReason] = useState('');
  const { run, pending, error } = useAction(setToolPolicyAction, { schema: ZSetToolPolicyInput });
  const fe = error?.fieldErrors ?? {};
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (await run({ tenantId, toolId: tool.id, pinnedVersion: num(pin), requestsPerMinute: num(rpm), callsPerDay: num(day), reason })) onDone();
  }
  return (
    <form onSubmit={submit} noValidate className="grid gap-4">
      <DialogHeader>
        <DialogTitle>Version and limits of <code>{tool.slug}</code></DialogTitle>
        <DialogDescription>Pin this tenant to a version while others move on; cap its calls per minute and per day.</DialogDescription>
      </DialogHeader>
      <FormField label="Version served to this tenant" error={fe.pinnedVersion} hint={`Currently served to unpinned tenants: v${tool.servedVersion}.`}>
        <Select value={pin} onChange={(e) => setPin(e.target.value)}>
          <option value="">Follow the current version (v{tool.servedVersion})</option>
          {tool.versions.map((v) => <option key={v} value={String(v)}>Pin to v{v}</option>)}
        </Select>
      </FormField>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label="Requests per minute" error={fe.requestsPerMinute} hint={`Empty: tenant default (${defaults.requestsPerMinute}).`}>
          <Input type="number" inputMode="numeric" min={1} value={rpm} onChange={(e) => setRpm(e.target.value)} />
        </FormField>
        <FormField label="Calls per day" error={fe.callsPerDay} hint={`Empty: tenant default (${defaults.callsPerDay.toLocaleString('en-US')}).`}>
          <Input type="number" inputMode="numeric" min={1} value={day} onChange={(e) => setDay(e.target.value)} />
        </FormField>
      </div>
      <FormField label="Reason" error={fe.reason} hint="Optional; kept in the audit log.">
        <Input value={reason} onChange={(e) => setReason(e.target.value)} />
      </FormField>
      {error && Object.keys(fe).length === 0 ? <Alert variant="destructive">{error.message}</Alert> : null}
      <DialogFooter>
        <Button type="button" variant="ghost" onClick={onDone}>Cancel</Button>
        <Button type="submit" disabled={pending}>{pending ? 'Saving…' : 'Save'}</Button>
      </DialogFooter>
    </form>
  );
}
