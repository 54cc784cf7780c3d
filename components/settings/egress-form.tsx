'use client';
// Egress allowlist editor: hosts and "*.example.com" wildcards, each checked as you add it, with a box to test
// whether a host would be allowed. Saved as a whole (nothing half-written on error).
import { useState } from 'react';
import { Globe, X } from 'lucide-react';
import { setEgressAllowlistAction } from '@/app/(portal)/settings/actions';
import { useAction } from '@/components/activation/use-action';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { egressHostProblem, hostAllowed, ZSetEgressAllowlistInput } from '@/lib/schemas/tenant-policy';

export function EgressForm({ tenantId, initial }: { tenantId: string; initial: string[] }) {
  const [hosts, setHosts] = useState(initial);
  const [draft, setDraft] = useState('');
  const [draftError, setDraftError] = useState<string | null>(null);
  const [probe, setProbe] = useState('');
  const [saved, setSaved] = useState(false);
  const { run, pending, error } = useAction(setEgressAllowlistAction, { schema: ZSetEgressAllowlistInput });
  const dirty = JSON.stringify(hosts) !== JSON.stringify(initial);

  function add(e: React.FormEvent) {
    e.preventDefault();
    const h = draft.trim().toLowerCase();
    const problem = egressHostProblem(h);
    if (problem) return setDraftError(problem);
    if (hosts.includes(h)) return setDraftError(`"${h}" is already in the list.`);
    setHosts([...hosts, h].sort());
    setDraft('');
    setDraftError(null);
    setSaved(false);
  }
  async function save() {
    setSaved(false);
    if (await run({ tenantId, hosts })) setSaved(true);
  }
  const probeHost = probe.trim().toLowerCase();
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2" className="flex items-center gap-2"><Globe aria-hidden className="size-4" />Egress allowlist</CardTitle>
        <CardDescription>Hosts every tool that reaches out (http_fetch, GitHub, …) may contact. <code>*.example.com</code> allows any subdomain of example.com, not example.com itself. Everything else is refused.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <form onSubmit={add} noValidate className="flex flex-wrap items-start gap-2">
          <FormField label="Add a host" error={draftError} className="min-w-64 flex-1">
            <Input value={draft} onChange={(e) => { setDraft(e.target.value); setDraftError(null); }} placeholder="api.example.com or *.example.com" />
          </FormField>
          <Button type="submit" variant="outline" className="mt-5">Add</Button>
        </form>
        {hosts.length === 0 ? (
          <p className="text-sm text-muted-foreground">No host is allowed: tools cannot reach anything outside.</p>
        ) : (
          <ul className="flex flex-wrap gap-2" aria-label="Allowed hosts">
            {hosts.map((h, i) => (
              <li key={h}>
                <Badge variant={error?.fieldErrors[`hosts.${i}`] ? 'destructive' : 'outline'} className="gap-1 py-1 pl-2 pr-1 text-sm">
                  <code>{h}</code>
                  <button type="button" onClick={() => { setHosts(hosts.filter((x) => x !== h)); setSaved(false); }} aria-label={`Remove ${h}`} className="rounded-sm p-0.5 hover:bg-accent"><X className="size-3" aria-hidden /></button>
                </Badge>
              </li>
            ))}
          </ul>
        )}
        {error ? <Alert variant="destructive">{Object.entries(error.fieldErrors).map(([k, v]) => <div key={k}>{v.join(' ')}</div>)}{Object.keys(error.fieldErrors).length === 0 ? error.message : null}</Alert> : null}
        {saved ? <Alert variant="success">Allowlist saved; it applies to the next tool call.</Alert> : null}
        <div className="flex items-center gap-2">
          <Button type="button" onClick={save} disabled={pending || !dirty}>{pending ? 'Saving…' : 'Save allowlist'}</Button>
          {dirty ? <span className="text-xs text-muted-foreground">Unsaved changes</span> : null}
        </div>
        <div className="grid gap-1 border-t border-border pt-4">
          <FormField label="Would this host be allowed?" hint="Tests the list above, saved or not.">
            <Input value={probe} onChange={(e) => setProbe(e.target.value)} placeholder="docs.example.com" />
          </FormField>
          {probeHost ? (
            <p role="status" className="text-sm">{hostAllowed(hosts, probeHost) ? <Badge variant="success">allowed</Badge> : <Badge variant="destructive">refused</Badge>} <code>{probeHost}</code></p>
          ) : null}
        </div>
      </CardContent>
    </Card>
  );
}
