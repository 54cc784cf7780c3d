// The upstream servers list: scope, endpoint, health (reachable + latency, or unreachable), last check, tools.
import Link from 'next/link';
import { Server } from 'lucide-react';
import type { TUpstreamDto } from '@/lib/schemas/upstreams';
import { formatWhen } from '@/components/admin/status-badge';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { HealthBadge } from './health-badge';

export function UpstreamsTable({ rows, total, page, pageSize, query, filtered }: { rows: TUpstreamDto[]; total: number; page: number; pageSize: number; query: string; filtered: boolean }) {
  if (rows.length === 0) {
    return (
      <EmptyState
        icon={<Server />}
        title={filtered ? 'No upstream server matches these filters' : 'No upstream servers yet'}
        description={filtered ? 'Change the search or clear the filters.' : 'Register a Streamable HTTP MCP server, then discover its tools.'}
      />
    );
  }
  return (
    <>
      <Table>
        <THead>
          <TR><TH>Server</TH><TH>Serves</TH><TH>Endpoint</TH><TH>Health</TH><TH>Last checked</TH><TH>Tools</TH></TR>
        </THead>
        <TBody>
          {rows.map((u) => {
            const quarantined = u.tools.filter((t) => t.quarantined).length;
            return (
              <TR key={u.id} data-testid={`upstream-row-${u.namespace}`}>
                <TD>
                  <Link href={`/admin/upstreams/${u.id}`} className="font-medium text-primary hover:underline">{u.name}</Link>
                  <div className="font-mono text-xs text-muted-foreground">{u.namespace}.*</div>
                </TD>
                <TD className="text-sm">{u.tenantName ?? 'Every tenant'}</TD>
                <TD className="max-w-64 truncate font-mono text-xs" title={u.url}>{u.url}</TD>
                <TD><HealthBadge status={u.status} latencyMs={u.latencyMs} lastError={u.lastError} /></TD>
                <TD className="text-xs">{formatWhen(u.lastCheckedAt)}</TD>
                <TD className="text-sm">
                  {u.tools.length}
                  {quarantined ? <Badge variant="warning" className="ml-2">{quarantined} quarantined</Badge> : null}
                </TD>
              </TR>
            );
          })}
        </TBody>
      </Table>
      <Pagination className="mt-4" page={page} pageCount={Math.ceil(total / pageSize)} total={total} pageSize={pageSize} query={query} label="Upstream server pages" />
    </>
  );
}
