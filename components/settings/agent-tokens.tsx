'use client';
// Settings → Agent tokens: create (shown once, with a copy button), list with search and status filter, revoke.
import { useMemo, useState } from 'react';
import Link from 'next/link';
import { Bot } from 'lucide-react';
import { revokeAgentTokenAction } from '@/app/(portal)/settings/actions';
import { useAction } from '@/components/activation/use-action';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { SearchInput } from '@/components/ui/search-input';
import { Select } from '@/components/ui/select';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import type { TAgentTokenDto } from '@/lib/schemas/agent-token';
import { CopyButton } from './copy-button';
import { CreateTokenForm, type Members } from './create-token-form';

const PAGE = 20;
const STATUS_VARIANT = { active: 'success', expired: 'warning', revoked: 'muted' } as const;
const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '—');

const mcpUrl = () => `${window.location.origin}/mcp`;
const clientConfig = (token: string) =>
  JSON.stringify({ mcpServers: { 'tool-platform': { type: 'http', url: mcpUrl(), headers: { Authorization: `Bearer ${token}` } } } }, null, 2);

export function AgentTokens({ tenantId, tokens, members, canManage }: { tenantId: string; tokens: TAgentTokenDto[]; members: Members; canManage: boolean }) {
  const [created, setCreated] = useState<{ token: string; name: string } | null>(null);
  const [revoking, setRevoking] = useState<TAgentTokenDto | null>(null);
  const [q, setQ] = useState('');
  const [status, setStatus] = useState('');
  const [page, setPage] = useState(1);
  const filtered = useMemo(() => tokens.filter((t) => (!status || t.status === status) && (!q || `${t.name} ${t.prefix} ${t.team?.name ?? ''} ${t.user?.email ?? ''} ${t.scopes.join(' ')}`.toLowerCase().includes(q.toLowerCase()))), [tokens, q, status]);
  const pageCount = Math.max(1, Math.ceil(filtered.length / PAGE));
  const current = Math.min(page, pageCount);
  const rows = filtered.slice((current - 1) * PAGE, current * PAGE);

  return (
    <div className="grid gap-6">
      {canManage ? (
        <Card>
          <CardHeader>
            <CardTitle as="h2">Create an agent token</CardTitle>
            <CardDescription>Agents send it as <code>Authorization: Bearer …</code> to <code>/mcp</code>. It sees the tools active for the tenant, or for the team or user whose rights it carries, within its scopes.</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4">
            {created ? (
              <Alert variant="success" title={`Token “${created.name}” created`}>
                <p>Copy it now: it is shown only once. Only a hash is stored.</p>
                <code data-testid="token-once" className="my-2 block break-all rounded bg-background p-2 text-xs text-foreground">{created.token}</code>
                <details className="my-2 text-xs">
                  <summary className="cursor-pointer font-medium">How to connect an agent</summary>
                  <p className="mt-1">Streamable HTTP at <code>{mcpUrl()}</code>, revision 2026-07-28 or any 2025 revision. A client configuration:</p>
                  <pre data-testid="token-client-config" className="mt-1 overflow-x-auto rounded bg-background p-2 text-foreground">{clientConfig(created.token)}</pre>
                  <CopyButton value={clientConfig(created.token)} label="Copy configuration" />
                </details>
                <div className="flex flex-wrap gap-2"><CopyButton value={created.token} label="Copy token" /><Button size="sm" variant="ghost" onClick={() => setCreated(null)}>Done</Button></div>
              </Alert>
            ) : null}
            <CreateTokenForm tenantId={tenantId} members={members} onCreated={(token, name) => setCreated({ token, name })} />
          </CardContent>
        </Card>
      ) : null}
      <Card>
        <CardHeader>
          <CardTitle as="h2">Tokens</CardTitle>
          <CardDescription>Revoking takes effect within 2 seconds, on every replica.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-3">
          <div className="flex flex-wrap gap-2">
            <SearchInput aria-label="Search tokens" placeholder="Name, prefix, team, scope…" value={q} onChange={(e) => { setQ(e.target.value); setPage(1); }} wrapperClassName="max-w-xs" />
            <Select aria-label="Status" value={status} onChange={(e) => { setStatus(e.target.value); setPage(1); }} placeholder="Any status" wrapperClassName="max-w-40"
              options={[{ value: 'active', label: 'Active' }, { value: 'expired', label: 'Expired' }, { value: 'revoked', label: 'Revoked' }]} />
          </div>
          {rows.length === 0 ? (
            <EmptyState icon={<Bot aria-hidden />} title={tokens.length ? 'No token matches' : 'No agent tokens yet'} description={tokens.length ? 'Change the search or the status.' : 'Create one above for your first agent.'} />
          ) : (
            <Table aria-label="Agent tokens">
              <THead><TR><TH>Name</TH><TH>Prefix</TH><TH>Rights of</TH><TH>Scopes</TH><TH>Expires</TH><TH>Last used</TH><TH>Status</TH><TH className="text-right">Actions</TH></TR></THead>
              <TBody>
                {rows.map((t) => (
                  <TR key={t.id} data-testid={`token-row-${t.name}`}>
                    <TD><div className="font-medium">{t.name}</div><div className="text-xs text-muted-foreground">by {t.createdBy ?? 'CLI'} · {day(t.createdAt)}</div></TD>
                    <TD><code className="text-xs">{t.prefix}…</code></TD>
                    <TD className="text-sm">{t.user ? t.user.email : t.team ? `team ${t.team.name}` : 'tenant'}</TD>
                    <TD className="max-w-56">{t.scopes.length ? <div className="flex flex-wrap gap-1">{t.scopes.map((s) => <Badge key={s} variant="outline"><code>{s}</code></Badge>)}</div> : <span className="text-sm text-muted-foreground">all tools</span>}</TD>
                    <TD className="whitespace-nowrap text-sm">{t.expiresAt ? day(t.expiresAt) : 'never'}</TD>
                    <TD className="whitespace-nowrap text-sm">{t.lastUsedAt ? t.lastUsedAt.replace('T', ' ').slice(0, 16) : 'never'}<div><Link className="text-xs text-primary underline underline-offset-2" href={`/audit?actor=${encodeURIComponent(t.id)}`} aria-label={`Audit events of ${t.name}`}>Audit events</Link></div></TD>
                    <TD><Badge variant={STATUS_VARIANT[t.status]}>{t.status}</Badge></TD>
                    <TD className="text-right">{canManage && t.status !== 'revoked' ? <Button size="sm" variant="outline" onClick={() => setRevoking(t)} aria-label={`Revoke ${t.name}`}>Revoke</Button> : null}</TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          )}
          <Pagination page={current} pageCount={pageCount} total={filtered.length} pageSize={PAGE} onPageChange={setPage} label="Token pages" />
        </CardContent>
      </Card>
      <Dialog open={revoking !== null} onOpenChange={(o) => (o ? null : setRevoking(null))}>
        <DialogContent>{revoking ? <RevokeForm tenantId={tenantId} token={revoking} onDone={() => setRevoking(null)} /> : null}</DialogContent>
      </Dialog>
    </div>
  );
}

function RevokeForm({ tenantId, token, onDone }: { tenantId: string; token: TAgentTokenDto; onDone: () => void }) {
  const { run, pending, error } = useAction(revokeAgentTokenAction);
  return (
    <div className="grid gap-4">
      <DialogHeader>
        <DialogTitle>Revoke “{token.name}”?</DialogTitle>
        <DialogDescription>Agents using <code>{token.prefix}…</code> get 401 within 2 seconds, on every replica. This cannot be undone.</DialogDescription>
      </DialogHeader>
      {error ? <Alert variant="destructive">{error.message}</Alert> : null}
      <DialogFooter>
        <Button variant="ghost" onClick={onDone}>Cancel</Button>
        <Button variant="destructive" disabled={pending} onClick={async () => { if (await run({ tenantId, tokenId: token.id })) onDone(); }}>{pending ? 'Revoking…' : 'Revoke token'}</Button>
      </DialogFooter>
    </div>
  );
}
