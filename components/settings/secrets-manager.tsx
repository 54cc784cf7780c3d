'use client';
// Write-only secrets per tool: set, replace, delete. A value is shown once, right after it is saved (from this
// browser's memory: the server never returns it); afterwards only its last 4 characters. A row kept for an upstream
// server (`upstream:<namespace>`) is not a tool's secret: it is replaced through the upstream credential dialogs
// (their single, audited write path; the value is never shown back) or on the tenant's own server's page.
import { useState } from 'react';
import Link from 'next/link';
import { KeyRound, Trash2 } from 'lucide-react';
import { deleteSecretAction, setSecretAction } from '@/app/(portal)/settings/actions';
import { useAction } from '@/components/activation/use-action';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import type { TSecretRow, TSecretsView, TSecretUpstream } from '@/lib/schemas/settings-view';
import { ZSetSecretInput } from '@/lib/schemas/tenant-policy';
import { CopyButton } from './copy-button';
import { RemoveUpstreamCredentialForm, UpstreamCredentialForm, type UpstreamCredentialTarget } from './upstream-credentials';

/** Secret names the built-in tools read (suggested in the form). */
const KNOWN_NAMES: Record<string, string[]> = { github_search_issues: ['GITHUB_TOKEN'], email_send: ['SMTP_USER', 'SMTP_PASSWORD'] };

/** The upstream dialogs' view of a row a platform-wide server still reads; null for any other row. */
function platformCredentialOf(s: TSecretRow): UpstreamCredentialTarget | null {
  const u = s.upstream;
  if (!u?.server?.platformWide || !u.inUse) return null;
  return { id: u.server.id, name: u.server.name, namespace: u.namespace, secretName: s.name, credential: { last4: s.last4, updatedAt: s.updatedAt } };
}

function upstreamNote(u: TSecretUpstream): string {
  if (!u.server) return 'Not used: no upstream server has this namespace any more. You can delete it.';
  if (!u.inUse) return `Not used: ${u.server.name} no longer reads this secret. You can delete it.`;
  return u.server.platformWide ? `Your credential for the upstream server ${u.server.name}` : `The credential of your upstream server ${u.server.name}`;
}

export function SecretsManager({ tenantId, view }: { tenantId: string; view: TSecretsView }) {
  const [toolSlug, setToolSlug] = useState(view.tools.find((t) => t.slug === 'github_search_issues')?.slug ?? view.tools[0]?.slug ?? '');
  const [name, setName] = useState('');
  const [value, setValue] = useState('');
  const [shown, setShown] = useState<{ label: string; value: string; replaced: boolean } | null>(null);
  const [deleting, setDeleting] = useState<TSecretRow | null>(null);
  const [upstream, setUpstream] = useState<{ remove: boolean; target: UpstreamCredentialTarget } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { run, pending, error } = useAction(setSecretAction, { schema: ZSetSecretInput });
  const fe = error?.fieldErrors ?? {};
  // A secret of a tool the catalogue no longer offers stays replaceable: the select always shows what will be saved.
  const offered = new Set(view.tools.map((t) => t.slug));
  const retired = [...new Set(view.secrets.filter((s) => !s.upstream && !offered.has(s.toolSlug)).map((s) => s.toolSlug))];
  const toolOptions = [...view.tools.map((t) => ({ value: t.slug, label: `${t.slug} — ${t.title}` })), ...retired.map((slug) => ({ value: slug, label: `${slug} — retired` }))];

  async function save(e: React.FormEvent) {
    e.preventDefault();
    setNotice(null);
    const r = await run({ tenantId, toolSlug, name, value });
    if (!r) return;
    setShown({ label: `${r.toolSlug} · ${r.name}`, value, replaced: r.replaced });
    setValue('');
    setName('');
  }

  return (
    // Side by side only from 1280 px, where the table's card still gets about 600 px (the table needs about 565);
    // minmax(0, …) lets a card shrink below its content's width, so a wide table scrolls in its own region instead
    // of pushing the page sideways.
    <div className="grid gap-6 xl:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
      <Card>
        <CardHeader>
          <CardTitle as="h2">Secrets</CardTitle>
          <CardDescription>Encrypted at rest (AES-256-GCM). Only the tools read them, on the server; nobody can read them back here or through any API.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          {notice ? <Alert variant="success" title={notice} /> : null}
          {view.secrets.length === 0 ? (
            <EmptyState icon={<KeyRound aria-hidden />} title="No secrets yet" description="Add a GitHub token or SMTP credentials for the tools that need them." />
          ) : (
            <Table aria-label="Secrets">
              <THead><TR><TH>Tool</TH><TH>Name</TH><TH>Value</TH><TH>Updated</TH><TH className="w-px text-right">Actions</TH></TR></THead>
              <TBody>
                {view.secrets.map((s) => (
                  <TR key={s.id} data-testid={`secret-${s.name}`}>
                    {/* Slugs (`upstream:<namespace>`, up to 40 characters) and names have no spaces: they wrap anywhere. */}
                    <TD>
                      <code className="block min-w-32 break-all text-xs" title={s.toolSlug}>{s.toolSlug}</code>
                      {s.upstream ? <div className="mt-0.5 text-xs text-muted-foreground wrap-anywhere">{upstreamNote(s.upstream)}</div> : null}
                    </TD>
                    <TD><code className="block min-w-20 break-all text-xs" title={s.name}>{s.name}</code></TD>
                    <TD className="whitespace-nowrap"><code className="text-xs" aria-label={s.last4 ? `ending in ${s.last4}` : 'hidden'}>••••{s.last4}</code></TD>
                    <TD className="text-xs">
                      <time dateTime={s.updatedAt} className="block whitespace-nowrap tabular-nums">{s.updatedAt.slice(0, 10)}<br />{s.updatedAt.slice(11, 16)} UTC</time>
                      <div className="break-all text-muted-foreground">key {s.keyId}</div>
                    </TD>
                    <TD>
                      <RowActions
                        secret={s}
                        onReplace={() => { setToolSlug(s.toolSlug); setName(s.name); setShown(null); setNotice(null); document.getElementById('secret-value')?.focus(); }}
                        onDelete={() => { setNotice(null); setDeleting(s); }}
                        onUpstream={(remove, target) => { setShown(null); setNotice(null); setUpstream({ remove, target }); }}
                      />
                    </TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          )}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle as="h2">Set or replace a secret</CardTitle>
          <CardDescription>Saving under an existing tool and name replaces it. Values shorter than 12 characters show no last characters at all.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          {shown ? (
            <Alert variant="success" title={`${shown.replaced ? 'Replaced' : 'Saved'}: ${shown.label}`}>
              <p>This is the only time the value is shown. Afterwards you will see its last 4 characters only.</p>
              <code data-testid="secret-once" className="my-2 block break-all rounded bg-background p-2 text-xs text-foreground">{shown.value}</code>
              <div className="flex flex-wrap gap-2"><CopyButton value={shown.value} /><Button size="sm" variant="ghost" onClick={() => setShown(null)}>Done</Button></div>
            </Alert>
          ) : null}
          <form onSubmit={save} noValidate className="grid gap-3">
            <FormField label="Tool" required error={fe.toolSlug}>
              <Select value={toolSlug} onChange={(e) => setToolSlug(e.target.value)} options={toolOptions} />
            </FormField>
            <FormField label="Name" required error={fe.name} hint={KNOWN_NAMES[toolSlug] ? `${toolSlug} reads ${KNOWN_NAMES[toolSlug].join(' and ')}.` : 'e.g. API_TOKEN'}>
              <Input value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" spellCheck={false} list="secret-names" />
            </FormField>
            <datalist id="secret-names">{(KNOWN_NAMES[toolSlug] ?? []).map((n) => <option key={n} value={n} />)}</datalist>
            <FormField label="Value" required error={fe.value}>
              <Input id="secret-value" type="password" value={value} onChange={(e) => setValue(e.target.value)} autoComplete="new-password" spellCheck={false} />
            </FormField>
            {error && Object.keys(fe).length === 0 ? <Alert variant="destructive">{error.message}</Alert> : null}
            <div><Button type="submit" disabled={pending}>{pending ? 'Encrypting…' : 'Save secret'}</Button></div>
          </form>
        </CardContent>
      </Card>
      <Dialog open={deleting !== null} onOpenChange={(o) => (o ? null : setDeleting(null))}>
        <DialogContent>{deleting ? <DeleteForm tenantId={tenantId} secret={deleting} onDone={() => setDeleting(null)} /> : null}</DialogContent>
      </Dialog>
      <Dialog open={upstream !== null} onOpenChange={(o) => (o ? null : setUpstream(null))}>
        <DialogContent>
          {upstream ? (
            upstream.remove
              ? <RemoveUpstreamCredentialForm tenantId={tenantId} server={upstream.target} onDone={(msg) => { setUpstream(null); setNotice(msg ?? null); }} />
              : <UpstreamCredentialForm tenantId={tenantId} server={upstream.target} onDone={(msg) => { setUpstream(null); setNotice(msg ?? null); }} />
          ) : null}
        </DialogContent>
      </Dialog>
    </div>
  );
}

/**
 * A tool's secret is replaced in the form beside the list. A platform-wide server's credential opens the upstream
 * dialogs instead; the tenant's own server's is replaced on that server's page; one no server reads can only go.
 */
function RowActions({ secret: s, onReplace, onDelete, onUpstream }: {
  secret: TSecretRow;
  onReplace: () => void;
  onDelete: () => void;
  onUpstream: (remove: boolean, target: UpstreamCredentialTarget) => void;
}) {
  const platform = platformCredentialOf(s);
  const server = s.upstream?.inUse ? s.upstream.server : null;
  return (
    <div className="flex justify-end gap-1 whitespace-nowrap">
      {!s.upstream ? <Button size="sm" variant="outline" onClick={onReplace} aria-label={`Replace ${s.name} of ${s.toolSlug}`}>Replace</Button>
        : platform ? <Button size="sm" variant="outline" onClick={() => onUpstream(false, platform)} aria-label={`Replace ${s.name} of ${s.toolSlug}`}>Replace</Button>
        : server ? <Button asChild size="sm" variant="outline"><Link href={`/admin/upstreams/${server.id}`} aria-label={`Replace ${s.name} of ${s.toolSlug} on the page of ${server.name}`}>Replace</Link></Button>
        : null}
      <Button size="sm" variant="ghost" onClick={platform ? () => onUpstream(true, platform) : onDelete} aria-label={`Delete ${s.name} of ${s.toolSlug}`}><Trash2 aria-hidden /></Button>
    </div>
  );
}

function DeleteForm({ tenantId, secret, onDone }: { tenantId: string; secret: TSecretRow; onDone: () => void }) {
  const { run, pending, error } = useAction(deleteSecretAction);
  return (
    <div className="grid gap-4">
      <DialogHeader>
        <DialogTitle>Delete {secret.name}?</DialogTitle>
        <DialogDescription>
          {secret.upstream && !secret.upstream.inUse ? 'No upstream server reads it: deleting it changes nothing for your calls.' : <><code>{secret.toolSlug}</code> will fail the calls that need it until you set a new one.</>}
        </DialogDescription>
      </DialogHeader>
      {error ? <Alert variant="destructive">{error.message}</Alert> : null}
      <DialogFooter>
        <Button variant="ghost" onClick={onDone}>Cancel</Button>
        <Button variant="destructive" disabled={pending} onClick={async () => { if (await run({ tenantId, secretId: secret.id })) onDone(); }}>{pending ? 'Deleting…' : 'Delete secret'}</Button>
      </DialogFooter>
    </div>
  );
}
