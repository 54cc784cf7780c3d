'use client';
// Data scopes: which tables of the tenant's own dataset sql_query may read; and the tenant's default limits.
import { useState } from 'react';
import { Database, Gauge } from 'lucide-react';
import { setDataScopesAction, setDefaultLimitsAction } from '@/app/(portal)/settings/actions';
import { useAction } from '@/components/activation/use-action';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Checkbox } from '@/components/ui/checkbox';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { DATA_SCOPES, ZSetDataScopesInput, ZSetDefaultLimitsInput } from '@/lib/schemas/tenant-policy';

const TABLE_HINTS: Record<(typeof DATA_SCOPES)[number], string> = {
  customers: 'Names, emails and countries of customers (PII: redaction applies).',
  orders: 'Order numbers, amounts, statuses and dates.',
  invoices: 'Invoice numbers, amounts due and payment status.',
};

export function DataScopesForm({ tenantId, initial }: { tenantId: string; initial: string[] }) {
  const [scopes, setScopes] = useState(new Set(initial));
  const [saved, setSaved] = useState(false);
  const { run, pending, error } = useAction(setDataScopesAction, { schema: ZSetDataScopesInput });
  const toggle = (s: string, on: boolean) => { const n = new Set(scopes); if (on) n.add(s); else n.delete(s); setScopes(n); setSaved(false); };
  async function save(e: React.FormEvent) {
    e.preventDefault();
    if (await run({ tenantId, scopes: [...scopes] })) setSaved(true);
  }
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2" className="flex items-center gap-2"><Database aria-hidden className="size-4" />Data scopes for sql_query</CardTitle>
        <CardDescription>Tables of your sample business dataset that agents may read with <code>sql_query</code> (read-only, row-capped).</CardDescription>
      </CardHeader>
      <CardContent>
        <form onSubmit={save} className="grid gap-3">
          <fieldset className="grid gap-2">
            <legend className="sr-only">Readable tables</legend>
            {DATA_SCOPES.map((s) => <Checkbox key={s} checked={scopes.has(s)} onChange={(e) => toggle(s, e.target.checked)} label={<code>{s}</code>} description={TABLE_HINTS[s]} />)}
          </fieldset>
          {error ? <Alert variant="destructive">{error.message}</Alert> : null}
          {saved ? <Alert variant="success">Data scopes saved.</Alert> : null}
          <div><Button type="submit" disabled={pending}>{pending ? 'Saving…' : 'Save data scopes'}</Button></div>
        </form>
      </CardContent>
    </Card>
  );
}

export function DefaultLimitsForm({ tenantId, initial }: { tenantId: string; initial: { requestsPerMinute: number; callsPerDay: number } }) {
  const [rpm, setRpm] = useState(String(initial.requestsPerMinute));
  const [day, setDay] = useState(String(initial.callsPerDay));
  const [saved, setSaved] = useState(false);
  const { run, pending, error } = useAction(setDefaultLimitsAction, { schema: ZSetDefaultLimitsInput });
  const fe = error?.fieldErrors ?? {};
  async function save(e: React.FormEvent) {
    e.preventDefault();
    setSaved(false);
    if (await run({ tenantId, defaultRequestsPerMinute: rpm.trim() === '' ? Number.NaN : Number(rpm), defaultCallsPerDay: day.trim() === '' ? Number.NaN : Number(day) })) setSaved(true);
  }
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2" className="flex items-center gap-2"><Gauge aria-hidden className="size-4" />Default limits</CardTitle>
        <CardDescription>Per tool, for every tool without its own limits (set those on the Activation page).</CardDescription>
      </CardHeader>
      <CardContent>
        <form onSubmit={save} noValidate className="grid gap-3 sm:grid-cols-2">
          <FormField label="Requests per minute" required error={fe.defaultRequestsPerMinute}><Input type="number" min={1} value={rpm} onChange={(e) => setRpm(e.target.value)} /></FormField>
          <FormField label="Calls per day" required error={fe.defaultCallsPerDay}><Input type="number" min={1} value={day} onChange={(e) => setDay(e.target.value)} /></FormField>
          {error && Object.keys(fe).length === 0 ? <Alert variant="destructive" className="sm:col-span-2">{error.message}</Alert> : null}
          {saved ? <Alert variant="success" className="sm:col-span-2">Default limits saved.</Alert> : null}
          <div className="sm:col-span-2"><Button type="submit" disabled={pending}>{pending ? 'Saving…' : 'Save limits'}</Button></div>
        </form>
      </CardContent>
    </Card>
  );
}
