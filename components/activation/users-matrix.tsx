'use client';
// Users × tools for one tenant: each cell the effective state for that user (their teams, their rollout bucket)
// and whether a user rule decides it; click to set or remove a user rule. Server-side search and pagination.
import { useState } from 'react';
import { Users } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { SearchInput } from '@/components/ui/search-input';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import type { TUserActivations } from '@/lib/schemas/activation-view';
import { cn } from '@/lib/utils';
import { RuleDialog, type RuleTarget } from './rule-dialog';

export function UsersMatrix({ tenantId, data, q, baseParams }: { tenantId: string; data: TUserActivations; q: string; baseParams: string }) {
  const [target, setTarget] = useState<RuleTarget | null>(null);
  const hrefFor = (p: number) => {
    const sp = new URLSearchParams(baseParams);
    sp.set('tab', 'users');
    if (q) sp.set('uq', q);
    sp.set('upage', String(p));
    return `?${sp.toString()}`;
  };
  const hidden = [...new URLSearchParams(baseParams).entries()].filter(([k]) => !['tab', 'uq', 'upage'].includes(k));
  return (
    <div className="grid gap-3">
      <form method="get" className="flex flex-wrap items-end gap-2" role="search" aria-label="Search users">
        {hidden.map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
        <input type="hidden" name="tab" value="users" />
        <SearchInput name="uq" defaultValue={q} aria-label="Search users by email or name" placeholder="Email or name…" wrapperClassName="max-w-xs" />
        <Button type="submit" variant="outline">Search</Button>
      </form>
      {data.items.length === 0 ? (
        <EmptyState icon={<Users aria-hidden />} title="No user matches" description={q ? 'Try another email or name.' : 'This tenant has no users yet.'} />
      ) : (
        <Table aria-label="Tools by user">
          <THead>
            <TR>
              <TH>User</TH>
              {data.tools.map((t) => (
                <TH key={t.id} className="h-auto px-1 py-2 align-bottom"><span className="inline-block max-h-40 font-mono text-[11px] normal-case [writing-mode:vertical-rl] rotate-180">{t.slug}</span></TH>
              ))}
            </TR>
          </THead>
          <TBody>
            {data.items.map((u) => (
              <TR key={u.id}>
                <TD className="min-w-52">
                  <div className="text-sm font-medium">{u.email}</div>
                  <div className="text-xs text-muted-foreground">{u.teams.length ? u.teams.join(', ') : 'no team'}</div>
                </TD>
                {data.tools.map((t) => {
                  const cell = u.cells[t.id]!;
                  const on = cell.effective.enabled;
                  return (
                    <TD key={t.id} className="px-1 text-center">
                      <button
                        type="button"
                        title={cell.effective.reason}
                        aria-label={`${t.slug} for ${u.email}: ${on ? 'on' : 'off'}, ${cell.effective.reason}${cell.rule ? ' (user rule)' : ''}. Change`}
                        onClick={() => setTarget({ tenantId, tool: t, scope: 'user', userId: u.id, subjectLabel: u.email, rule: cell.rule, effective: cell.effective })}
                        className={cn('relative inline-flex size-7 items-center justify-center rounded-md text-xs font-semibold hover:ring-2 hover:ring-ring',
                          on ? 'bg-success-soft text-success-soft-foreground' : 'bg-muted text-muted-foreground')}
                      >
                        {on ? '✓' : '–'}
                        {cell.rule ? <span aria-hidden className="absolute -right-0.5 -top-0.5 size-2 rounded-full bg-primary" /> : null}
                      </button>
                    </TD>
                  );
                })}
              </TR>
            ))}
          </TBody>
        </Table>
      )}
      <p className="text-xs text-muted-foreground"><span aria-hidden className="mr-1 inline-block size-2 rounded-full bg-primary" />a user rule decides this cell; the others follow the team or tenant rules.</p>
      <Pagination page={data.page} pageCount={data.pageCount} total={data.total} pageSize={data.pageSize} hrefFor={hrefFor} label="Users pages" />
      <RuleDialog target={target} onClose={() => setTarget(null)} />
    </div>
  );
}
