'use client';
// Limits with current usage: per tenant × tool (this minute and today, as a share of the limit) and per agent token.
import { useState } from 'react';
import { Gauge, KeyRound } from 'lucide-react';
import { setTokenLimitsAction } from '@/app/(portal)/activation/actions';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { BarChart } from '@/components/ui/charts';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { ZSetTokenLimitsInput } from '@/lib/schemas/activation';
import type { TActivationOverview, TTokenLimitDto } from '@/lib/schemas/activation-view';
import { UsageBar } from './usage-bar';
import { useAction } from './use-action';

const pct = (used: number, limit: number) => (limit > 0 ? Math.round((used / limit) * 1000) / 10 : 0);

export function LimitsUsage({ data }: { data: TActivationOverview }) {
  const [token, setToken] = useState<TTokenLimitDto | null>(null);
  const used = data.tools.filter((t) => t.usage.day > 0 || t.usage.minute > 0);
  const chart = data.tools.map((t) => ({ tool: t.slug, minute: pct(t.usage.minute, t.limits.requestsPerMinute), day: pct(t.usage.day, t.limits.callsPerDay) }));
  return (
    <div className="grid gap-6">
      <Card>
        <CardHeader>
          <CardTitle as="h2">Usage against limits, per tool</CardTitle>
          <CardDescription>
            Share of each limit used in the current minute and today (UTC). Defaults for tools without their own limits: {data.defaults.requestsPerMinute}/min, {data.defaults.callsPerDay.toLocaleString('en-US')}/day (Settings).
          </CardDescription>
        </CardHeader>
        <CardContent>
          {used.length === 0 ? (
            <EmptyState icon={<Gauge aria-hidden />} title="No calls in the current windows" description="Usage appears here as agents call tools through /mcp." />
          ) : (
            <BarChart data={chart} xKey="tool" xLabel="Tool" title="Share of limits used" series={[{ key: 'minute', label: '% of per-minute limit' }, { key: 'day', label: '% of daily limit' }]} valueFormatter={(v) => `${v}%`} height={240} />
          )}
          <Table aria-label="Limits and usage per tool" wrapperClassName="mt-4">
            <THead><TR><TH>Tool</TH><TH>Requests / minute</TH><TH>Calls / day</TH><TH>Source</TH></TR></THead>
            <TBody>
              {data.tools.map((t) => (
                <TR key={t.id}>
                  <TD><code>{t.slug}</code></TD>
                  <TD><UsageBar label="this minute" used={t.usage.minute} limit={t.limits.requestsPerMinute} /></TD>
                  <TD><UsageBar label="today" used={t.usage.day} limit={t.limits.callsPerDay} /></TD>
                  <TD>{t.limits.source === 'tool_policy' ? <Badge variant="info">tool limit</Badge> : <Badge variant="muted">tenant default</Badge>}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle as="h2">Agent token limits</CardTitle>
          <CardDescription>Per token, across tools, on top of the tool limits. Create and revoke tokens in Settings → Agent tokens.</CardDescription>
        </CardHeader>
        <CardContent>
          {data.tokens.length === 0 ? (
            <EmptyState icon={<KeyRound aria-hidden />} title="No agent tokens" description="Create one in Settings → Agent tokens." />
          ) : (
            <Table aria-label="Agent token limits">
              <THead><TR><TH>Token</TH><TH>Team</TH><TH>Requests / minute</TH><TH>Calls / day</TH><TH>Status</TH><TH className="text-right">Actions</TH></TR></THead>
              <TBody>
                {data.tokens.map((t) => (
                  <TR key={t.id}>
                    <TD><div className="font-medium">{t.name}</div><code className="text-xs text-muted-foreground">{t.prefix}…</code></TD>
                    <TD>{t.team ?? '—'}</TD>
                    <TD><UsageBar label="this minute" used={t.usage.minute} limit={t.requestsPerMinute} /></TD>
                    <TD><UsageBar label="today" used={t.usage.day} limit={t.callsPerDay} /></TD>
                    <TD>{t.revoked ? <Badge variant="muted">revoked</Badge> : t.expired ? <Badge variant="warning">expired</Badge> : <Badge variant="success">active</Badge>}</TD>
                    <TD className="text-right">
                      <Button size="sm" variant="outline" disabled={t.revoked} onClick={() => setToken(t)} aria-label={`Limits of token ${t.name}`}>Limits</Button>
                    </TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          )}
        </CardContent>
      </Card>
      <Dialog open={token !== null} onOpenChange={(o) => (o ? null : setToken(null))}>
        <DialogContent>{token ? <TokenLimitsForm key={token.id} token={token} onDone={() => setToken(null)} /> : null}</DialogContent>
      </Dialog>
    </div>
  );
}

function TokenLimitsForm({ token, onDone }: { token: TTokenLimitDto; onDone: () => void }) {
  const [rpm, setRpm] = useState(token.requestsPerMinute === null ? '' : String(token.requestsPerMinute));
  const [day, setDay] = useState(token.callsPerDay === null ? '' : String(token.callsPerDay));
  const { run, pending, error } = useAction(setTokenLimitsAction, { schema: ZSetTokenLimitsInput });
  const fe = error?.fieldErrors ?? {};
  const num = (s: string) => (s.trim() === '' ? null : Number(s));
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (await run({ tokenId: token.id, requestsPerMinute: num(rpm), callsPerDay: num(day) })) onDone();
  }
  return (
    <form onSubmit={submit} noValidate className="grid gap-4">
      <DialogHeader>
        <DialogTitle>Limits of token “{token.name}”</DialogTitle>
        <DialogDescription>Empty: no token limit (the tool limits still apply).</DialogDescription>
      </DialogHeader>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label="Requests per minute" error={fe.requestsPerMinute}><Input type="number" min={1} value={rpm} onChange={(e) => setRpm(e.target.value)} /></FormField>
        <FormField label="Calls per day" error={fe.callsPerDay}><Input type="number" min={1} value={day} onChange={(e) => setDay(e.target.value)} /></FormField>
      </div>
      {error && Object.keys(fe).length === 0 ? <Alert variant="destructive">{error.message}</Alert> : null}
      <DialogFooter>
        <Button type="button" variant="ghost" onClick={onDone}>Cancel</Button>
        <Button type="submit" disabled={pending}>{pending ? 'Saving…' : 'Save limits'}</Button>
      </DialogFooter>
    </form>
  );
}
