'use client';
// The form that creates an agent token: name, whose rights it carries (tenant, a team or a user), scopes (tool
// slugs), expiry and per-token limits. Validated with the same schema as the action and the CLI.
import { useState } from 'react';
import { createAgentTokenAction } from '@/app/(portal)/settings/actions';
import { useAction } from '@/components/activation/use-action';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { ZCreateAgentTokenInput } from '@/lib/schemas/agent-token';

export type Members = { teams: { id: string; name: string }[]; users: { id: string; email: string }[]; tools: { slug: string; title: string }[] };

const EXPIRY = [{ value: '', label: 'Never' }, { value: '7d', label: '7 days' }, { value: '30d', label: '30 days' }, { value: '90d', label: '90 days' }, { value: '365d', label: '1 year' }];

export function CreateTokenForm({ tenantId, members, onCreated }: { tenantId: string; members: Members; onCreated: (token: string, name: string) => void }) {
  const [name, setName] = useState('');
  const [carries, setCarries] = useState('');
  const [scopes, setScopes] = useState<Set<string>>(new Set());
  const [expiresIn, setExpiresIn] = useState('30d');
  const [rpm, setRpm] = useState('');
  const [perDay, setPerDay] = useState('');
  const { run, pending, error } = useAction(createAgentTokenAction, { schema: ZCreateAgentTokenInput });
  const fe = error?.fieldErrors ?? {};
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const [kind, id] = carries.split(':');
    const r = await run({
      tenantId, name, teamId: kind === 'team' ? id : undefined, userId: kind === 'user' ? id : undefined, scopes: [...scopes],
      expiresIn: expiresIn || undefined, requestsPerMinute: rpm || undefined, callsPerDay: perDay || undefined,
    });
    if (!r) return;
    onCreated(r.token, r.record.name);
    setName(''); setScopes(new Set()); setRpm(''); setPerDay('');
  }
  const toggle = (slug: string, on: boolean) => { const n = new Set(scopes); if (on) n.add(slug); else n.delete(slug); setScopes(n); };
  return (
    <form onSubmit={submit} noValidate className="grid gap-4 md:grid-cols-2">
      <FormField label="Name" required error={fe.name}><Input value={name} onChange={(e) => setName(e.target.value)} placeholder="support-bot" /></FormField>
      <FormField label="Carries the rights of" error={fe.teamId ?? fe.userId} hint="Its tools follow this team's or user's activation rules.">
        <Select value={carries} onChange={(e) => setCarries(e.target.value)}>
          <option value="">The tenant (tenant-wide rules only)</option>
          <optgroup label="Teams">{members.teams.map((t) => <option key={t.id} value={`team:${t.id}`}>Team {t.name}</option>)}</optgroup>
          <optgroup label="Users">{members.users.map((u) => <option key={u.id} value={`user:${u.id}`}>{u.email}</option>)}</optgroup>
        </Select>
      </FormField>
      <fieldset className="grid gap-2 md:col-span-2">
        <legend className="mb-1 text-sm font-medium">Scopes <span className="font-normal text-muted-foreground">(none checked: every tool active for it)</span></legend>
        <div className="grid gap-1 sm:grid-cols-2 lg:grid-cols-3">
          {members.tools.map((t) => (
            <label key={t.slug} className="flex items-center gap-2 text-sm">
              <input type="checkbox" className="accent-primary" checked={scopes.has(t.slug)} onChange={(e) => toggle(t.slug, e.target.checked)} />
              <code>{t.slug}</code>
            </label>
          ))}
        </div>
        {fe.scopes ? <p role="alert" className="text-sm font-medium text-destructive">{fe.scopes.join(' ')}</p> : null}
      </fieldset>
      <FormField label="Expires after" error={fe.expiresIn}><Select value={expiresIn} onChange={(e) => setExpiresIn(e.target.value)} options={EXPIRY} /></FormField>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label="Requests / minute" error={fe.requestsPerMinute} hint="Empty: no token limit"><Input type="number" min={1} value={rpm} onChange={(e) => setRpm(e.target.value)} /></FormField>
        <FormField label="Calls / day" error={fe.callsPerDay} hint="Empty: no token limit"><Input type="number" min={1} value={perDay} onChange={(e) => setPerDay(e.target.value)} /></FormField>
      </div>
      {error && Object.keys(fe).length === 0 ? <Alert variant="destructive" className="md:col-span-2">{error.message}</Alert> : null}
      <div className="md:col-span-2"><Button type="submit" disabled={pending}>{pending ? 'Creating…' : 'Create token'}</Button></div>
    </form>
  );
}
