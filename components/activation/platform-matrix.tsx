'use client';
// Platform admins: tenants × tools. Each cell is the tenant-wide rule and the effective state for the tenant, with
// the number of team and user overrides; the first row holds the global kill switches. A tenant opens its page.
import { useState } from 'react';
import Link from 'next/link';
import { Skull } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { SearchInput } from '@/components/ui/search-input';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import type { TActivationMatrix } from '@/lib/schemas/activation-view';
import { cn } from '@/lib/utils';
import { KillSwitchDialog, type KillTarget } from './kill-switch-dialog';

const STATE_CLASS = { on: 'bg-success-soft text-success-soft-foreground', rollout: 'bg-info-soft text-info-soft-foreground', off: 'bg-muted text-muted-foreground', none: 'text-muted-foreground' } as const;

export function PlatformMatrix({ data, q }: { data: TActivationMatrix; q: string }) {
  const [kill, setKill] = useState<KillTarget | null>(null);
  const hrefFor = (p: number) => `?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) }).toString()}`;
  return (
    <div className="grid gap-3">
      <form method="get" role="search" aria-label="Search tenants" className="flex gap-2">
        <SearchInput name="q" defaultValue={q} aria-label="Search tenants" placeholder="Tenant slug or name…" wrapperClassName="max-w-xs" />
        <Button type="submit" variant="outline">Search</Button>
      </form>
      {data.tenants.length === 0 ? (
        <EmptyState title="No tenant matches" description="Try another slug or name." />
      ) : (
        <Table aria-label="Tools by tenant">
          <THead>
            <TR>
              <TH>Tenant</TH>
              {data.tools.map((t) => (
                <TH key={t.id} className="h-auto px-1 py-2 align-bottom"><span className="inline-block max-h-44 font-mono text-[11px] normal-case [writing-mode:vertical-rl] rotate-180">{t.slug}</span></TH>
              ))}
            </TR>
            <TR>
              <TH scope="row" className="normal-case">Global kill switch</TH>
              {data.tools.map((t) => (
                <TH key={t.id} className="px-1">
                  <button type="button" onClick={() => setKill({ tenantId: null, tenantLabel: 'every tenant', tool: t, killed: t.killedGlobally, reason: t.killedReason })}
                    aria-label={`${t.killedGlobally ? 'Revive' : 'Kill'} ${t.slug} everywhere${t.killedReason ? ` (killed: ${t.killedReason})` : ''}`}
                    title={t.killedGlobally ? `Killed everywhere: ${t.killedReason ?? ''}` : `Kill ${t.slug} everywhere`}
                    className={cn('inline-flex size-7 items-center justify-center rounded-md hover:ring-2 hover:ring-ring', t.killedGlobally ? 'bg-destructive text-destructive-foreground' : 'text-muted-foreground')}>
                    <Skull aria-hidden className="size-4" />
                  </button>
                </TH>
              ))}
            </TR>
          </THead>
          <TBody>
            {data.tenants.map((tenant) => (
              <TR key={tenant.id}>
                <TD className="min-w-40">
                  <Link href={`/activation?tenant=${encodeURIComponent(tenant.slug)}`} className="font-medium text-primary underline-offset-4 hover:underline">{tenant.name}</Link>
                  <div className="text-xs text-muted-foreground">{tenant.slug}</div>
                </TD>
                {data.tools.map((tool) => {
                  const c = tenant.cells[tool.id]!;
                  const label = c.state === 'rollout' ? `${c.rolloutPercent}%` : c.state === 'none' ? '·' : c.state;
                  const overrides = c.overrides.teams + c.overrides.users;
                  return (
                    <TD key={tool.id} className="px-1 text-center">
                      <Link href={`/activation?tenant=${encodeURIComponent(tenant.slug)}`} title={`${c.effective.reason}${overrides ? ` · ${c.overrides.teams} team and ${c.overrides.users} user override(s)` : ''}`}
                        aria-label={`${tool.slug} for ${tenant.slug}: tenant rule ${c.state}${c.killed ? ', killed' : ''}, ${overrides} override(s). Open the tenant`}
                        className={cn('relative inline-flex min-w-9 items-center justify-center rounded-md px-1 py-1 text-[11px] font-semibold', c.killed || tool.killedGlobally ? 'bg-destructive-soft text-destructive-soft-foreground line-through' : STATE_CLASS[c.state])}>
                        {label}
                        {overrides ? <span className="absolute -right-1 -top-1 rounded-full bg-primary px-1 text-[9px] text-primary-foreground">{overrides}</span> : null}
                      </Link>
                    </TD>
                  );
                })}
              </TR>
            ))}
          </TBody>
        </Table>
      )}
      <div className="flex flex-wrap gap-2 text-xs text-muted-foreground">
        <Badge variant="success">on</Badge><Badge variant="info">n% rollout</Badge><Badge variant="muted">off</Badge><span>· no rule</span><Badge variant="destructive">killed</Badge><span>the corner number counts team and user overrides</span>
      </div>
      <Pagination page={data.page} pageCount={data.pageCount} total={data.total} pageSize={data.pageSize} hrefFor={hrefFor} label="Tenants pages" />
      <KillSwitchDialog target={kill} onClose={() => setKill(null)} />
    </div>
  );
}
