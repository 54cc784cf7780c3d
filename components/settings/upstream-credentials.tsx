'use client';
// A tenant's own credential for each platform-wide upstream MCP server: whether it is set (last 4 characters and
// when, never the value), and dialogs to set, replace or remove it. The dialogs are the one way the portal writes
// such a credential: Settings → Secrets opens them too for the rows it lists under `upstream:<namespace>`.
import { useState } from 'react';
import { Server, Trash2 } from 'lucide-react';
import { removeTenantUpstreamCredentialAction, setTenantUpstreamCredentialAction } from '@/app/(portal)/settings/upstreams/actions';
import { useAction } from '@/components/activation/use-action';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { ZSetTenantUpstreamCredentialInput, type TTenantUpstreamCredentialDto } from '@/lib/schemas/upstreams';

type Row = TTenantUpstreamCredentialDto;
/** What the set and remove dialogs need to know about a server (and whether its credential is set). */
export type UpstreamCredentialTarget = Pick<Row, 'id' | 'name' | 'namespace' | 'secretName' | 'credential'>;
const STATUS_VARIANT = { reachable: 'success', unreachable: 'destructive', pending: 'muted' } as const;

export function UpstreamCredentials({ tenantId, servers }: { tenantId: string; servers: Row[] }) {
  const [editing, setEditing] = useState<Row | null>(null);
  const [removing, setRemoving] = useState<Row | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">Platform-wide upstream servers</CardTitle>
        <CardDescription>Your tenant&apos;s calls to these servers&apos; tools carry the credential set here (encrypted at rest, read only on the server). Without it, the calls are refused.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {saved ? <Alert variant="success" title={saved} /> : null}
        {servers.length === 0 ? (
          <EmptyState icon={<Server aria-hidden />} title="No platform-wide upstream servers" description="When platform admins register one, set your tenant's credential for it here." />
        ) : (
          <Table aria-label="Upstream credentials">
            <THead><TR><TH>Server</TH><TH>Status</TH><TH>Credential</TH><TH className="text-right">Actions</TH></TR></THead>
            <TBody>
              {servers.map((s) => (
                <TR key={s.id} data-testid={`upstream-credential-${s.namespace}`}>
                  <TD>
                    <div className="font-medium">{s.name}</div>
                    <div className="text-xs text-muted-foreground"><code>{s.namespace}</code>{s.description ? ` · ${s.description}` : ''}</div>
                  </TD>
                  <TD><Badge variant={STATUS_VARIANT[s.status]} dot>{s.status}</Badge></TD>
                  <TD>
                    {!s.secretName ? <Badge variant="muted">Not needed</Badge> : s.credential ? (
                      <div className="grid gap-1">
                        <Badge variant="success">Set</Badge>
                        <span className="whitespace-nowrap text-xs text-muted-foreground">
                          <code>{s.secretName}</code> <code aria-label={s.credential.last4 ? `ending in ${s.credential.last4}` : 'hidden'}>••••{s.credential.last4}</code> · {s.credential.updatedAt.replace('T', ' ').slice(0, 16)} UTC
                        </span>
                      </div>
                    ) : (
                      <div className="grid gap-1"><Badge variant="warning">Not set</Badge><span className="text-xs text-muted-foreground">Calls are refused until it is set.</span></div>
                    )}
                  </TD>
                  <TD className="text-right">
                    {s.secretName ? (
                      <div className="flex justify-end gap-1">
                        <Button size="sm" variant="outline" onClick={() => { setSaved(null); setEditing(s); }} aria-label={`${s.credential ? 'Replace' : 'Set'} the credential for ${s.name}`}>{s.credential ? 'Replace' : 'Set'}</Button>
                        {s.credential ? <Button size="sm" variant="ghost" onClick={() => { setSaved(null); setRemoving(s); }} aria-label={`Remove the credential for ${s.name}`}><Trash2 aria-hidden /></Button> : null}
                      </div>
                    ) : null}
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
        )}
      </CardContent>
      <Dialog open={editing !== null} onOpenChange={(o) => (o ? null : setEditing(null))}>
        <DialogContent>{editing ? <UpstreamCredentialForm tenantId={tenantId} server={editing} onDone={(msg) => { setEditing(null); if (msg) setSaved(msg); }} /> : null}</DialogContent>
      </Dialog>
      <Dialog open={removing !== null} onOpenChange={(o) => (o ? null : setRemoving(null))}>
        <DialogContent>{removing ? <RemoveUpstreamCredentialForm tenantId={tenantId} server={removing} onDone={(msg) => { setRemoving(null); if (msg) setSaved(msg); }} /> : null}</DialogContent>
      </Dialog>
    </Card>
  );
}

export function UpstreamCredentialForm({ tenantId, server, onDone }: { tenantId: string; server: UpstreamCredentialTarget; onDone: (message?: string) => void }) {
  const [value, setValue] = useState('');
  const { run, pending, error } = useAction(setTenantUpstreamCredentialAction, { schema: ZSetTenantUpstreamCredentialInput });
  const fe = error?.fieldErrors ?? {};
  async function save(e: React.FormEvent) {
    e.preventDefault();
    const r = await run({ tenantId, upstreamId: server.id, value });
    if (r) onDone(`${r.replaced ? 'Replaced' : 'Saved'}: the credential for ${r.name}`);
  }
  return (
    <form onSubmit={save} noValidate className="grid gap-4">
      <DialogHeader>
        <DialogTitle>{server.credential ? 'Replace' : 'Set'} the credential for {server.name}</DialogTitle>
        <DialogDescription>Sent as a bearer token (<code>{server.secretName}</code>) on your tenant&apos;s calls to <code>{server.namespace}.*</code> tools. It cannot be read back.</DialogDescription>
      </DialogHeader>
      <FormField label="Credential" required error={fe.value}>
        <Input type="password" value={value} onChange={(e) => setValue(e.target.value)} autoComplete="new-password" spellCheck={false} />
      </FormField>
      {error && !fe.value ? <Alert variant="destructive">{error.message}</Alert> : null}
      <DialogFooter>
        <Button type="button" variant="ghost" onClick={() => onDone()}>Cancel</Button>
        <Button type="submit" disabled={pending}>{pending ? 'Encrypting…' : 'Save credential'}</Button>
      </DialogFooter>
    </form>
  );
}

export function RemoveUpstreamCredentialForm({ tenantId, server, onDone }: { tenantId: string; server: UpstreamCredentialTarget; onDone: (message?: string) => void }) {
  const { run, pending, error } = useAction(removeTenantUpstreamCredentialAction);
  return (
    <div className="grid gap-4">
      <DialogHeader>
        <DialogTitle>Remove the credential for {server.name}?</DialogTitle>
        <DialogDescription>Your tenant&apos;s calls to <code>{server.namespace}.*</code> tools will be refused until you set a new one.</DialogDescription>
      </DialogHeader>
      {error ? <Alert variant="destructive">{error.message}</Alert> : null}
      <DialogFooter>
        <Button variant="ghost" onClick={() => onDone()}>Cancel</Button>
        <Button variant="destructive" disabled={pending} onClick={async () => { if (await run({ tenantId, upstreamId: server.id })) onDone(`Removed: the credential for ${server.name}`); }}>{pending ? 'Removing…' : 'Remove credential'}</Button>
      </DialogFooter>
    </div>
  );
}
