'use client';
// Connected apps: the MCP clients a user (or, for admins, a tenant's users) allowed to use their tools; search,
// status filter, pagination (server side, through the URL) and revoke with a confirmation.
import { useState } from 'react';
import { PlugZap } from 'lucide-react';
import { revokeOAuthConnectionAction } from '@/app/(portal)/connected-apps/actions';
import { useAction } from '@/components/activation/use-action';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { choiceLabel } from '@/lib/schemas/oauth';
import { Pagination } from '@/components/ui/pagination';
import { SearchInput } from '@/components/ui/search-input';
import { Select } from '@/components/ui/select';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import type { TOAuthConnectionDto } from '@/lib/schemas/oauth';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '—');

export interface ConnectedAppsProps {
  items: TOAuthConnectionDto[];
  total: number;
  page: number;
  pageSize: number;
  filters: { q: string; status: string; tenant?: string };
  showUser: boolean;
  canRevoke: boolean;
}

export function ConnectedApps({ items, total, page, pageSize, filters, showUser, canRevoke }: ConnectedAppsProps) {
  const [revoking, setRevoking] = useState<TOAuthConnectionDto | null>(null);
  const { run, pending, error, reset } = useAction(revokeOAuthConnectionAction);
  const query = new URLSearchParams({ ...(filters.tenant ? { tenant: filters.tenant } : {}), ...(filters.q ? { q: filters.q } : {}), status: filters.status }).toString();

  return (
    <div className="grid gap-4">
      <form method="get" className="flex flex-col gap-2 sm:flex-row sm:items-center" role="search" aria-label="Filter connected apps">
        {filters.tenant ? <input type="hidden" name="tenant" value={filters.tenant} /> : null}
        <SearchInput name="q" defaultValue={filters.q} placeholder={showUser ? 'Application or user e-mail…' : 'Application…'} wrapperClassName="sm:max-w-xs" />
        <Select name="status" defaultValue={filters.status} aria-label="Status" wrapperClassName="sm:w-40"
          options={[{ value: 'active', label: 'Active' }, { value: 'revoked', label: 'Revoked' }, { value: 'all', label: 'All' }]} />
        <Button type="submit" variant="outline">Filter</Button>
      </form>

      {items.length === 0 ? (
        <EmptyState icon={<PlugZap />} title={filters.q || filters.status !== 'active' ? 'No connection matches' : 'No connected apps yet'}
          description="When you add this platform to an MCP client (Claude, ChatGPT, VS Code, Cursor…) with its URL, the client asks you to sign in here and choose which tools it may use. It then appears in this list." />
      ) : (
        <Table>
          <THead>
            <TR>
              <TH>Application</TH>
              {showUser ? <TH>User</TH> : null}
              <TH>Tools</TH>
              <TH>Connected</TH>
              <TH>Last used</TH>
              <TH>Status</TH>
              {canRevoke ? <TH><span className="sr-only">Actions</span></TH> : null}
            </TR>
          </THead>
          <TBody>
            {items.map((c) => (
              <TR key={c.id} data-testid="connection-row">
                <TD><div className="font-medium">{c.clientName}</div><div className="max-w-56 truncate text-xs text-muted-foreground" title={c.clientId}>{c.clientId}</div></TD>
                {showUser ? <TD><div>{c.user.name}</div><div className="text-xs text-muted-foreground">{c.user.email}</div></TD> : null}
                <TD className="max-w-64 text-sm">{c.tools === 'all' ? 'All tools I may use' : c.tools.map(choiceLabel).join(', ')}</TD>
                <TD className="whitespace-nowrap text-sm">{when(c.createdAt)}</TD>
                <TD className="whitespace-nowrap text-sm">{when(c.lastUsedAt)}</TD>
                <TD>{c.revokedAt ? <Badge variant="muted">Revoked</Badge> : <Badge variant="success">Active</Badge>}</TD>
                {canRevoke ? (
                  <TD className="text-right">
                    {!c.revokedAt ? <Button size="sm" variant="outline" onClick={() => { reset(); setRevoking(c); }}>Revoke</Button> : null}
                  </TD>
                ) : null}
              </TR>
            ))}
          </TBody>
        </Table>
      )}
      <Pagination page={page} pageCount={Math.max(1, Math.ceil(total / pageSize))} total={total} pageSize={pageSize} query={query} label="Connected apps pages" />

      <Dialog open={revoking !== null} onOpenChange={(open) => { if (!open) setRevoking(null); }}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>Revoke {revoking?.clientName}?</DialogTitle>
            <DialogDescription>Its access and refresh tokens stop working within 2 seconds on every server. The application must ask for consent again to reconnect.</DialogDescription>
          </DialogHeader>
          {error ? <Alert variant="destructive">{error.message}</Alert> : null}
          <DialogFooter>
            <Button variant="outline" onClick={() => setRevoking(null)} disabled={pending}>Cancel</Button>
            <Button variant="destructive" disabled={pending}
              onClick={() => void run({ connectionId: revoking!.id }).then((r) => { if (r) setRevoking(null); })}>
              {pending ? 'Revoking…' : 'Revoke access'}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </div>
  );
}
