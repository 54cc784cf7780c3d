import Link from 'next/link';
import { notFound } from 'next/navigation';
import { can } from '@/lib/policy';
import { requirePagePermission } from '@/lib/server/auth/guard';
import { getUpstream } from '@/lib/services/upstreams/get-upstream';
import { formatWhen } from '@/components/admin/status-badge';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { DiscoverButton } from '@/components/upstreams/discover-button';
import { HealthBadge } from '@/components/upstreams/health-badge';
import { RemoveUpstreamButton } from '@/components/upstreams/remove-upstream-button';
import { UpstreamFormDialog } from '@/components/upstreams/upstream-form-dialog';

export const metadata = { title: 'Upstream MCP server · Admin' };

export default async function UpstreamPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePagePermission('upstream.read');
  const u = await getUpstream({ actor, id: (await params).id });
  if (!u) notFound();
  const manage = can(actor, 'upstream.manage', { tenantId: u.tenantId });
  return (
    <>
      <PageHeader
        eyebrow={<Link href="/admin/upstreams" className="hover:underline">Upstream servers</Link>}
        title={u.name}
        description={u.description || `Tools of this server are named ${u.namespace}.<tool name>.`}
        actions={manage ? (
          <div className="flex gap-2">
            <UpstreamFormDialog mode="edit" upstream={u} />
            <RemoveUpstreamButton id={u.id} name={u.name} toolCount={u.tools.length} />
          </div>
        ) : null}
      />
      <div className="grid gap-4 lg:grid-cols-3">
        <Card className="p-4 lg:col-span-2">
          <h2 className="mb-3 text-sm font-semibold">Connection</h2>
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2 text-sm">
            <dt className="text-muted-foreground">Serves</dt><dd>{u.tenantName ?? 'Every tenant (platform-wide)'}</dd>
            <dt className="text-muted-foreground">Endpoint</dt><dd className="break-all font-mono text-xs">{u.url}</dd>
            <dt className="text-muted-foreground">Namespace</dt><dd className="font-mono text-xs">{u.namespace}</dd>
            <dt className="text-muted-foreground">Time limit</dt><dd>{u.timeoutMs} ms</dd>
            <dt className="text-muted-foreground">Credential</dt><dd>{u.secretName ? <span className="font-mono text-xs">{u.secretName}</span> : 'none'}</dd>
            <dt className="text-muted-foreground">Health</dt><dd><HealthBadge status={u.status} latencyMs={u.latencyMs} lastError={u.lastError} /></dd>
            <dt className="text-muted-foreground">Last checked</dt><dd>{formatWhen(u.lastCheckedAt)}</dd>
            {u.lastError ? (<><dt className="text-muted-foreground">Last error</dt><dd className="text-destructive">{u.lastError}</dd></>) : null}
          </dl>
        </Card>
        <Card className="p-4">
          <h2 className="mb-3 text-sm font-semibold">Discovery</h2>
          <p className="mb-3 text-sm text-muted-foreground">Lists the server&apos;s tools, resources and prompts now. New tools become candidates in review; a changed definition quarantines its tool.</p>
          {manage ? <DiscoverButton id={u.id} /> : <p className="text-sm">Only its administrators can run a discovery.</p>}
          <p className="mt-3 text-xs text-muted-foreground">Last discovery: {formatWhen(u.discovery.at ?? null)}</p>
        </Card>
      </div>
      <section aria-labelledby="tools-h" className="mt-6">
        <h2 id="tools-h" className="mb-2 text-base font-semibold">Tools</h2>
        {u.discovery.tools.length === 0 && u.tools.length === 0 ? (
          <p className="text-sm text-muted-foreground">No tools discovered yet.</p>
        ) : (
          <Table>
            <THead><TR><TH>Remote name</TH><TH>Catalogue tool</TH><TH>State</TH><TH>Last discovery</TH></TR></THead>
            <TBody>
              {u.tools.map((t) => {
                const seen = u.discovery.tools.find((d) => d.slug === t.slug);
                return (
                  <TR key={t.slug}>
                    <TD className="font-mono text-xs">{t.remoteName}</TD>
                    <TD><Link className="text-primary hover:underline" href={`/catalogue/${encodeURIComponent(t.slug)}`}>{t.slug}</Link> <span className="text-xs text-muted-foreground">v{t.servedVersion}</span></TD>
                    <TD>{t.quarantined ? <Badge variant="warning">Quarantined</Badge> : <Badge variant="muted">{t.lifecycle.replace('_', ' ')}</Badge>}</TD>
                    <TD className="text-sm">{seen?.outcome ?? '—'}</TD>
                  </TR>
                );
              })}
              {u.discovery.tools.filter((d) => !u.tools.some((t) => t.slug === d.slug)).map((d) => (
                <TR key={`skipped-${d.name}`}><TD className="font-mono text-xs">{d.name}</TD><TD>—</TD><TD><Badge variant="destructive">Not imported</Badge></TD><TD className="text-sm">{d.outcome}</TD></TR>
              ))}
            </TBody>
          </Table>
        )}
      </section>
      <div className="mt-6 grid gap-4 md:grid-cols-2">
        <section aria-labelledby="res-h">
          <h2 id="res-h" className="mb-2 text-base font-semibold">Resources offered</h2>
          {u.discovery.resources.length ? (
            <ul className="space-y-1 text-sm">{u.discovery.resources.map((r) => <li key={r.uri}><span className="font-mono text-xs">{r.uri}</span> — {r.name}</li>)}</ul>
          ) : <p className="text-sm text-muted-foreground">None.</p>}
        </section>
        <section aria-labelledby="prompts-h">
          <h2 id="prompts-h" className="mb-2 text-base font-semibold">Prompts offered</h2>
          {u.discovery.prompts.length ? (
            <ul className="space-y-1 text-sm">{u.discovery.prompts.map((p) => <li key={p.name}><span className="font-mono text-xs">{p.name}</span>{p.description ? ` — ${p.description}` : ''}</li>)}</ul>
          ) : <p className="text-sm text-muted-foreground">None.</p>}
        </section>
      </div>
    </>
  );
}
