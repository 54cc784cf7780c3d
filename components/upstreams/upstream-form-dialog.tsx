'use client';
// Register an upstream MCP server, or edit one (namespace and tenant are fixed once registered). The credential is
// write-only: stored encrypted as the tenant's secret, never shown again; leave it empty to keep the current one.
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { registerUpstreamAction, updateUpstreamAction } from '@/app/(portal)/admin/upstreams/actions';
import { useAction } from '@/components/activation/use-action';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { Textarea } from '@/components/ui/textarea';
import { UPSTREAM_TIMEOUT, ZRegisterUpstreamInput, ZUpdateUpstreamInput, type TUpstreamDto } from '@/lib/schemas/upstreams';

type Props =
  | { mode: 'register'; tenants: { id: string; name: string }[]; allowPlatformWide: boolean }
  | { mode: 'edit'; upstream: TUpstreamDto };

export function UpstreamFormDialog(props: Props) {
  const editing = props.mode === 'edit' ? props.upstream : null;
  const [open, setOpen] = useState(false);
  const [tenantId, setTenantId] = useState(props.mode === 'register' ? (props.allowPlatformWide ? '' : (props.tenants[0]?.id ?? '')) : '');
  const [name, setName] = useState(editing?.name ?? '');
  const [namespace, setNamespace] = useState(editing?.namespace ?? '');
  const [url, setUrl] = useState(editing?.url ?? '');
  const [description, setDescription] = useState(editing?.description ?? '');
  const [timeoutMs, setTimeoutMs] = useState(String(editing?.timeoutMs ?? UPSTREAM_TIMEOUT.default));
  const [secretName, setSecretName] = useState(editing?.secretName ?? '');
  const [credential, setCredential] = useState('');
  const router = useRouter();
  const register = useAction(registerUpstreamAction, { schema: ZRegisterUpstreamInput, refresh: false });
  const update = useAction(updateUpstreamAction, { schema: ZUpdateUpstreamInput });
  const { pending, error, reset } = editing ? update : register;
  const fe = error?.fieldErrors ?? {};
  const platformWide = !editing && tenantId === '';

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const common = { name, url, description, timeoutMs, secretName, credential };
    if (editing) {
      if (await update.run({ id: editing.id, ...common })) {
        setCredential('');
        setOpen(false);
      }
      return;
    }
    const r = await register.run({ ...common, namespace, tenantId: tenantId || null });
    if (r) router.push(`/admin/upstreams/${r.id}`);
  }

  return (
    <Dialog open={open} onOpenChange={(o) => { setOpen(o); if (!o) reset(); }}>
      <DialogTrigger asChild>
        <Button type="button" variant={editing ? 'outline' : 'default'}>{editing ? 'Edit' : 'Register server'}</Button>
      </DialogTrigger>
      <DialogContent className="max-h-[90vh] overflow-y-auto">
        <form onSubmit={submit} noValidate className="grid gap-4">
          <DialogHeader>
            <DialogTitle>{editing ? `Edit ${editing.name}` : 'Register an upstream MCP server'}</DialogTitle>
            <DialogDescription>
              A Streamable HTTP MCP server whose tools are proxied through the governed pipeline. Its tools enter the catalogue as candidates after &quot;Discover&quot;, and go through review.
            </DialogDescription>
          </DialogHeader>
          {props.mode === 'register' ? (
            <FormField label="Serves" error={fe.tenantId} hint={props.allowPlatformWide ? 'Platform-wide servers are called by every tenant that enables their tools.' : undefined}>
              <Select
                value={tenantId}
                onChange={(e) => setTenantId(e.target.value)}
                options={[...(props.allowPlatformWide ? [{ value: '', label: 'Every tenant (platform-wide)' }] : []), ...props.tenants.map((t) => ({ value: t.id, label: t.name }))]}
              />
            </FormField>
          ) : null}
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField label="Name" required error={fe.name}><Input value={name} autoFocus onChange={(e) => setName(e.target.value)} placeholder="CRM" /></FormField>
            {editing ? (
              <FormField label="Namespace" hint="Fixed: it names the tools in the catalogue."><Input value={namespace} readOnly disabled /></FormField>
            ) : (
              <FormField label="Namespace" required error={fe.namespace} hint="Tools become <namespace>.<tool name>, e.g. crm.search_contacts.">
                <Input value={namespace} onChange={(e) => setNamespace(e.target.value.toLowerCase())} placeholder="crm" />
              </FormField>
            )}
          </div>
          <FormField label="MCP endpoint URL" required error={fe.url} hint="A private address is reachable only if it is a trusted internal host.">
            <Input type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://crm.example.com/mcp" />
          </FormField>
          <FormField label="Description" error={fe.description}><Textarea rows={2} value={description} onChange={(e) => setDescription(e.target.value)} /></FormField>
          <FormField label="Time limit (ms)" error={fe.timeoutMs} hint={`Per call, discovery and health check: ${UPSTREAM_TIMEOUT.min}–${UPSTREAM_TIMEOUT.max} ms.`}>
            <Input type="number" min={UPSTREAM_TIMEOUT.min} max={UPSTREAM_TIMEOUT.max} value={timeoutMs} onChange={(e) => setTimeoutMs(e.target.value)} />
          </FormField>
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField label="Credential secret name" error={fe.secretName} hint="Sent as a bearer token; optional.">
              <Input value={secretName} onChange={(e) => setSecretName(e.target.value)} placeholder="CRM_TOKEN" />
            </FormField>
            <FormField label={editing ? 'New credential value' : 'Credential value'} error={fe.credential} hint={platformWide ? 'Platform-wide: each tenant sets its own secret.' : editing ? 'Leave empty to keep the stored one.' : 'Stored encrypted; never shown again.'}>
              <Input type="password" autoComplete="off" value={credential} disabled={platformWide} onChange={(e) => setCredential(e.target.value)} />
            </FormField>
          </div>
          {error && Object.keys(fe).length === 0 ? <Alert variant="destructive">{error.message}</Alert> : null}
          <DialogFooter>
            <Button type="button" variant="ghost" onClick={() => setOpen(false)}>Cancel</Button>
            <Button type="submit" disabled={pending}>{pending ? 'Saving…' : editing ? 'Save changes' : 'Register'}</Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
