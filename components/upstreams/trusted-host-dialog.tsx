'use client';
// Platform admins trust a private destination (exact host, IP address or CIDR range), platform-wide or for one
// tenant. Only upstream MCP servers and declarative HTTP tools may reach it; http_fetch never.
import { useState } from 'react';
import { addTrustedHostAction } from '@/app/(portal)/admin/trusted-hosts/actions';
import { useAction } from '@/components/activation/use-action';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { ZAddTrustedHostInput } from '@/lib/schemas/trusted-hosts';

export function TrustedHostDialog({ tenants }: { tenants: { id: string; name: string }[] }) {
  const [open, setOpen] = useState(false);
  const [pattern, setPattern] = useState('');
  const [tenantId, setTenantId] = useState('');
  const [note, setNote] = useState('');
  const { run, pending, error, reset } = useAction(addTrustedHostAction, { schema: ZAddTrustedHostInput });
  const fe = error?.fieldErrors ?? {};
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (await run({ pattern, tenantId: tenantId || null, note })) {
      setPattern('');
      setNote('');
      setOpen(false);
    }
  }
  return (
    <Dialog open={open} onOpenChange={(o) => { setOpen(o); if (!o) reset(); }}>
      <DialogTrigger asChild><Button type="button">Trust a host</Button></DialogTrigger>
      <DialogContent>
        <form onSubmit={submit} noValidate className="grid gap-4">
          <DialogHeader>
            <DialogTitle>Trust an internal host</DialogTitle>
            <DialogDescription>Upstream MCP servers and declarative HTTP tools may then reach this private destination. Agents&apos; http_fetch never can. The change is audited.</DialogDescription>
          </DialogHeader>
          <FormField label="Host, IP address or CIDR range" required error={fe.pattern} hint="Exact names only (no wildcards), e.g. crm.internal, 10.20.0.5 or 10.20.0.0/16.">
            <Input value={pattern} autoFocus onChange={(e) => setPattern(e.target.value)} placeholder="crm.internal" />
          </FormField>
          <FormField label="Applies to" error={fe.tenantId}>
            <Select value={tenantId} onChange={(e) => setTenantId(e.target.value)} options={[{ value: '', label: 'Every tenant (platform-wide)' }, ...tenants.map((t) => ({ value: t.id, label: t.name }))]} />
          </FormField>
          <FormField label="Why it is trusted" error={fe.note}><Input value={note} onChange={(e) => setNote(e.target.value)} placeholder="CRM MCP server in the data centre" /></FormField>
          {error && Object.keys(fe).length === 0 ? <Alert variant="destructive">{error.message}</Alert> : null}
          <DialogFooter>
            <Button type="button" variant="ghost" onClick={() => setOpen(false)}>Cancel</Button>
            <Button type="submit" disabled={pending}>{pending ? 'Saving…' : 'Trust host'}</Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
