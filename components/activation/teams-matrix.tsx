'use client';
// Teams × tools for one tenant: the tenant-wide rule, each team's rule and effective state (click a cell to change
// it), the version served, the kill switch and the limits with current usage. Searchable and paginated.
import { useMemo, useState } from 'react';
import { Settings2, Skull } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { SearchInput } from '@/components/ui/search-input';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import type { TActivationOverview, TEffectiveDto, TRuleDto, TToolRowDto } from '@/lib/schemas/activation-view';
import { KillSwitchDialog, type KillTarget } from './kill-switch-dialog';
import { RuleDialog, type RuleTarget } from './rule-dialog';
import { EffectiveBadge } from './state-badge';
import { ToolPolicyDialog } from './tool-policy-dialog';
import { UsageBar } from './usage-bar';

const PAGE = 15;

function RuleCell({ rule, effective, label, onClick }: { rule: TRuleDto | null; effective: TEffectiveDto; label: string; onClick: () => void }) {
  return (
    // The accessible name is the visible text plus screen-reader-only context (the subject before, the reason after),
    // so what a sighted user reads is what a voice-control user says.
    <button type="button" onClick={onClick} className="grid w-full gap-1 rounded-md p-1 text-left hover:bg-accent focus-visible:bg-accent">
      <span className="sr-only">{label}: </span>
      <EffectiveBadge effective={effective} compact />{' '}
      <span className="text-[11px] text-muted-foreground">
        {rule ? `${rule.enabled ? 'enabled' : 'disabled'} here${rule.rolloutPercent != null && rule.rolloutPercent < 100 ? ` · ${rule.rolloutPercent}%` : ''}` : 'inherits'}
      </span>
      <span className="sr-only"> ({effective.reason}). Change</span>
    </button>
  );
}

export function TeamsMatrix({ data }: { data: TActivationOverview }) {
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [ruleTarget, setRuleTarget] = useState<RuleTarget | null>(null);
  const [policyTool, setPolicyTool] = useState<TToolRowDto | null>(null);
  const [killTarget, setKillTarget] = useState<KillTarget | null>(null);
  const filtered = useMemo(() => data.tools.filter((t) => !q || `${t.slug} ${t.title}`.toLowerCase().includes(q.toLowerCase())), [data.tools, q]);
  const pageCount = Math.max(1, Math.ceil(filtered.length / PAGE));
  const current = Math.min(page, pageCount);
  const rows = filtered.slice((current - 1) * PAGE, current * PAGE);
  const tenantId = data.tenant.id;

  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <SearchInput aria-label="Filter tools" placeholder="Filter tools…" value={q} onChange={(e) => { setQ(e.target.value); setPage(1); }} wrapperClassName="max-w-xs" />
        <p className="text-xs text-muted-foreground">Click a cell to enable, disable or inherit. User overrides are on the Users tab.</p>
      </div>
      {rows.length === 0 ? (
        <EmptyState title="No tool matches" description="Change the filter." />
      ) : (
        <Table aria-label={`Tools by team for ${data.tenant.name}`}>
          <THead>
            <TR>
              <TH>Tool</TH>
              <TH>Tenant-wide</TH>
              {data.teams.map((t) => <TH key={t.id}>{t.name}<span className="block font-normal normal-case">{t.memberCount} member{t.memberCount === 1 ? '' : 's'}</span></TH>)}
              <TH>Version</TH>
              <TH>Limits · usage</TH>
              <TH className="text-right">Actions</TH>
            </TR>
          </THead>
          <TBody>
            {rows.map((tool) => (
              <TR key={tool.id} data-testid={`tool-row-${tool.slug}`}>
                <TD className="min-w-44">
                  <div className="font-medium"><code>{tool.slug}</code></div>
                  <div className="flex flex-wrap gap-1 pt-1">
                    {tool.lifecycle !== 'published' ? <Badge variant="muted">{tool.lifecycle}</Badge> : null}
                    {tool.critical ? <Badge variant="critical">critical</Badge> : null}
                    {tool.killedGlobally ? <Badge variant="destructive" title={tool.killedReason ?? ''}><Skull aria-hidden />killed everywhere</Badge> : null}
                    {tool.killed ? <Badge variant="destructive" title={tool.killedTenantReason ?? ''}><Skull aria-hidden />killed here</Badge> : null}
                    {tool.userRuleCount > 0 ? <Badge variant="info">{tool.userRuleCount} user rule{tool.userRuleCount === 1 ? '' : 's'}</Badge> : null}
                  </div>
                </TD>
                <TD>
                  <RuleCell rule={tool.tenantRule} effective={tool.effective.tenant} label={`${tool.slug} tenant-wide`}
                    onClick={() => setRuleTarget({ tenantId, tool, scope: 'tenant', subjectLabel: `all of ${data.tenant.name}`, rule: tool.tenantRule, effective: tool.effective.tenant })} />
                </TD>
                {data.teams.map((team) => {
                  const eff = tool.effective.teams[team.id]!;
                  const rule = tool.teamRules[team.id] ?? null;
                  return (
                    <TD key={team.id} data-testid={`cell-${tool.slug}-${team.slug}`}>
                      <RuleCell rule={rule} effective={eff} label={`${tool.slug} for team ${team.name}`}
                        onClick={() => setRuleTarget({ tenantId, tool, scope: 'team', teamId: team.id, subjectLabel: `team ${team.name}`, rule, effective: eff })} />
                    </TD>
                  );
                })}
                <TD className="whitespace-nowrap text-sm">
                  v{tool.pinnedVersion ?? tool.servedVersion}
                  {tool.pinnedVersion !== null ? <Badge variant="warning" className="ml-1">pinned</Badge> : null}
                </TD>
                <TD className="min-w-40">
                  <div className="grid gap-1.5">
                    <UsageBar label="this minute" used={tool.usage.minute} limit={tool.limits.requestsPerMinute} />
                    <UsageBar label="today" used={tool.usage.day} limit={tool.limits.callsPerDay} />
                    {tool.limits.source === 'tenant_default' ? <span className="text-[11px] text-muted-foreground">tenant default</span> : null}
                  </div>
                </TD>
                <TD className="text-right">
                  <div className="flex justify-end gap-1">
                    <Button size="sm" variant="outline" onClick={() => setPolicyTool(tool)} aria-label={`Version and limits of ${tool.slug}`}><Settings2 aria-hidden />Limits</Button>
                    <Button size="sm" variant={tool.killed ? 'secondary' : 'ghost'} onClick={() => setKillTarget({ tenantId, tenantLabel: data.tenant.name, tool, killed: tool.killed, reason: tool.killedTenantReason })}
                      aria-label={`${tool.killed ? 'Revive' : 'Kill'} ${tool.slug} for ${data.tenant.name}`}>
                      <Skull aria-hidden />{tool.killed ? 'Revive' : 'Kill'}
                    </Button>
                  </div>
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
      <Pagination page={current} pageCount={pageCount} total={filtered.length} pageSize={PAGE} onPageChange={setPage} label="Tools pages" />
      <RuleDialog target={ruleTarget} onClose={() => setRuleTarget(null)} />
      <ToolPolicyDialog tenantId={tenantId} tool={policyTool} defaults={data.defaults} onClose={() => setPolicyTool(null)} />
      <KillSwitchDialog target={killTarget} onClose={() => setKillTarget(null)} />
    </div>
  );
}
