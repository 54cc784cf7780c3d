'use client';
// Pre-registered OAuth clients: create (client id, and a secret shown once), list, delete (ends their connections).
import { useState } from 'react';
import { KeyRound } from 'lucide-react';
import { createOAuthClientAction, deleteOAuthClientAction } from '@/app/(portal)/settings/oauth-clients/actions';
import { useAction } from '@/components/activation/use-action';
import { CopyButton } from '@/components/settings/copy-button';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Checkbox } from '@/components/ui/checkbox';
import { EmptyState } from '@/components/ui/empty-state';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { Textarea } from '@/components/ui/textarea';
import { ZCreateOAuthClientInput, type TOAuthClientDto } from '@/lib/schemas/oauth';

export function OAuthClients({ clients }: { clients: TOAuthClientDto[] }) {
  const create = useAction(createOAuthClientAction, { schema: ZCreateOAuthClientInput });
  const remove = useAction(deleteOAuthClientAction);
  const [created, setCreated] = useState<{ clientId: string; clientSecret: string | null } | null>(null);
  const fieldError = (name: string) => create.error?.fieldErrors[name]?.[0];

  return (
    <div className="grid gap-6">
      <Card>
        <CardHeader>
          <CardTitle as="h2">Register a client</CardTitle>
          <CardDescription>Redirect URIs are matched exactly: https anywhere, http only on a loopback address.</CardDescription>
        </CardHeader>
        <CardContent>
          {created ? (
            <Alert variant="success" title="Client registered">
              <p>Client id: <code data-testid="client-id">{created.clientId}</code> <CopyButton value={created.clientId} label="Copy id" /></p>
              {created.clientSecret ? <p className="mt-2">Secret (shown once): <code className="break-all">{created.clientSecret}</code> <CopyButton value={created.clientSecret} label="Copy secret" /></p> : null}
              <Button className="mt-2" size="sm" variant="ghost" onClick={() => setCreated(null)}>Done</Button>
            </Alert>
          ) : (
            <form className="grid gap-3 sm:max-w-lg" onSubmit={(e) => {
              e.preventDefault();
              const f = new FormData(e.currentTarget);
              void create.run({ clientName: String(f.get('clientName') ?? ''), redirectUris: String(f.get('redirectUris') ?? ''), confidential: f.get('confidential') === 'on' })
                .then((r) => { if (r) setCreated({ clientId: r.client.clientId, clientSecret: r.clientSecret }); });
            }}>
              <div className="grid gap-1">
                <Label htmlFor="clientName">Name</Label>
                <Input id="clientName" name="clientName" required aria-invalid={Boolean(fieldError('clientName'))} aria-describedby={fieldError('clientName') ? 'clientName-error' : undefined} />
                {fieldError('clientName') ? <p id="clientName-error" className="text-sm text-destructive">{fieldError('clientName')}</p> : null}
              </div>
              <div className="grid gap-1">
                <Label htmlFor="redirectUris">Redirect URIs (one per line)</Label>
                <Textarea id="redirectUris" name="redirectUris" rows={3} required aria-invalid={Boolean(fieldError('redirectUris'))} aria-describedby={fieldError('redirectUris') ? 'redirectUris-error' : undefined} />
                {fieldError('redirectUris') ? <p id="redirectUris-error" className="text-sm text-destructive">{fieldError('redirectUris')}</p> : null}
              </div>
              <Checkbox name="confidential" label="Confidential client" description="Issue a client secret (for server-side clients). Public clients use PKCE only." />
              {create.error && !Object.keys(create.error.fieldErrors).length ? <Alert variant="destructive">{create.error.message}</Alert> : null}
              <div><Button type="submit" disabled={create.pending}>{create.pending ? 'Registering…' : 'Register client'}</Button></div>
            </form>
          )}
        </CardContent>
      </Card>

      {remove.error ? <Alert variant="destructive">{remove.error.message}</Alert> : null}
      {clients.length === 0 ? (
        <EmptyState icon={<KeyRound />} title="No pre-registered client" description="Clients that register dynamically or use a metadata document do not need one." />
      ) : (
        <Table>
          <THead><TR><TH>Name</TH><TH>Client id</TH><TH>Redirect URIs</TH><TH>Type</TH><TH>Created</TH><TH><span className="sr-only">Actions</span></TH></TR></THead>
          <TBody>
            {clients.map((c) => (
              <TR key={c.clientId}>
                <TD className="font-medium">{c.clientName}</TD>
                <TD><code className="text-xs">{c.clientId}</code></TD>
                <TD className="text-xs">{c.redirectUris.join(' ')}</TD>
                <TD><Badge variant={c.confidential ? 'info' : 'muted'}>{c.confidential ? 'Confidential' : 'Public'}</Badge></TD>
                <TD className="text-sm">{c.createdAt?.slice(0, 10) ?? '—'}</TD>
                <TD className="text-right">
                  <Button size="sm" variant="outline" disabled={remove.pending} onClick={() => { if (window.confirm(`Delete ${c.clientName}? Its connections are revoked.`)) void remove.run({ clientId: c.clientId }); }}>Delete</Button>
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
    </div>
  );
}
