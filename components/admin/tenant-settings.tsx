'use client';
// Platform admins edit a tenant: name and SSO domains, default limits (the tenant policy service), and suspend or
// reactivate it with a confirmation that says what stops.
import { useState } from 'react';
import { setTenantSuspendedAction, updateTenantAction } from '@/app/(portal)/admin/actions';
import { setDefaultLimitsAction } from '@/app/(portal)/settings/actions';
import { useAction } from '@/components/activation/use-action';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { ZUpdateTenantInput } from '@/lib/schemas/admin';
import { ZSetDefaultLimitsInput } from '@/lib/schemas/tenant-policy';
import { ConfirmAction } from './confirm-action';
import { splitList } from './create-tenant-dialog';

export type TenantSettingsView = { id: string; slug: string; name: string; suspendedAt: Date | string | null; ssoDomains: string[]; limits: { defaultRequestsPerMinute: number; defaultCallsPerDay: number } };

export function TenantSettings({ tenant }: { tenant: TenantSettingsView }) {
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <IdentityForm tenant={tenant} />
      <LimitsForm tenant={tenant} />
      <SuspensionCard tenant={tenant} />
    </div>
  );
}

function IdentityForm({ tenant }: { tenant: TenantSettingsView }) {
  const [name, setName] = useState(tenant.name);
  const [domains, setDomains] = useState(tenant.ssoDomains.join(', '));
  const [saved, setSaved] = useState(false);
  const { run, pending, error } = useAction(updateTenantAction, { schema: ZUpdateTenantInput });
  const fe = error?.fieldErrors ?? {};
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setSaved(Boolean(await run({ tenantId: tenant.id, name, ssoDomains: splitList(domains) })));
  }
  return (
    <Card>
      <CardHeader><CardTitle as="h2">Tenant</CardTitle></CardHeader>
      <CardContent>
        <form onSubmit={submit} noValidate className="grid gap-4">
          <FormField label="Name" required error={fe.name}><Input value={name} onChange={(e) => { setName(e.target.value); setSaved(false); }} /></FormField>
          <p className="text-sm text-muted-foreground">Slug: <code>{tenant.slug}</code> (fixed)</p>
          <FormField label="SSO email domains" error={fe.ssoDomains ?? Object.entries(fe).find(([k]) => k.startsWith('ssoDomains.'))?.[1]} hint="Comma-separated. First SSO sign-ins from these domains join this tenant.">
            <Input value={domains} onChange={(e) => { setDomains(e.target.value); setSaved(false); }} />
          </FormField>
          {error && Object.keys(fe).length === 0 ? <Alert variant="destructive">{error.message}</Alert> : null}
          {saved ? <Alert variant="success">Saved.</Alert> : null}
          <div><Button type="submit" disabled={pending}>{pending ? 'Saving…' : 'Save'}</Button></div>
        </form>
      </CardContent>
    </Card>
  );
}

function LimitsForm({ tenant }: { tenant: TenantSettingsView }) {
  const [rpm, setRpm] = useState(String(tenant.limits.defaultRequestsPerMinute));
  const [perDay, setPerDay] = useState(String(tenant.limits.defaultCallsPerDay));
  const [saved, setSaved] = useState(false);
  const { run, pending, error } = useAction(setDefaultLimitsAction, { schema: ZSetDefaultLimitsInput });
  const fe = error?.fieldErrors ?? {};
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setSaved(Boolean(await run({ tenantId: tenant.id, defaultRequestsPerMinute: Number(rpm), defaultCallsPerDay: Number(perDay) })));
  }
  return (
    <Card>
      <CardHeader><CardTitle as="h2">Default limits</CardTitle></CardHeader>
      <CardContent>
        <form onSubmit={submit} noValidate className="grid gap-4">
          <p className="text-sm text-muted-foreground">Apply to every tool without its own limits in this tenant. Other policies (egress, PII, data scopes, approvals) are in the tenant’s Settings.</p>
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField label="Requests / minute" error={fe.defaultRequestsPerMinute}><Input type="number" min={1} value={rpm} onChange={(e) => { setRpm(e.target.value); setSaved(false); }} /></FormField>
            <FormField label="Calls / day" error={fe.defaultCallsPerDay}><Input type="number" min={1} value={perDay} onChange={(e) => { setPerDay(e.target.value); setSaved(false); }} /></FormField>
          </div>
          {error && Object.keys(fe).length === 0 ? <Alert variant="destructive">{error.message}</Alert> : null}
          {saved ? <Alert variant="success">Saved.</Alert> : null}
          <div><Button type="submit" disabled={pending}>{pending ? 'Saving…' : 'Save limits'}</Button></div>
        </form>
      </CardContent>
    </Card>
  );
}

function SuspensionCard({ tenant }: { tenant: TenantSettingsView }) {
  const [reason, setReason] = useState('');
  const suspended = tenant.suspendedAt !== null;
  return (
    <Card>
      <CardHeader><CardTitle as="h2">{suspended ? 'Suspended' : 'Suspension'}</CardTitle></CardHeader>
      <CardContent className="grid gap-3">
        <p className="text-sm text-muted-foreground">
          {suspended
            ? 'Nobody of this tenant can sign in, and its agent tokens and connected apps are refused. Reactivating restores everything as it was.'
            : 'Suspending stops, within 2 seconds, every sign-in, session, agent token and connected app of this tenant. Nothing is deleted.'}
        </p>
        <div>
          {suspended ? (
            <ConfirmAction label="Reactivate tenant" variant="default" title={`Reactivate ${tenant.name}?`} description="Its users can sign in again and its agent tokens work again." confirmLabel="Reactivate" destructive={false} action={setTenantSuspendedAction} input={{ tenantId: tenant.id, suspended: false }} />
          ) : (
            <ConfirmAction label="Suspend tenant" variant="destructive" title={`Suspend ${tenant.name}?`} description="Sign-ins, sessions, agent tokens and connected apps of this tenant stop within 2 seconds." confirmLabel="Suspend" action={setTenantSuspendedAction} input={{ tenantId: tenant.id, suspended: true, reason: reason || undefined }}>
              <FormField label="Reason (kept in the audit log)"><Input value={reason} onChange={(e) => setReason(e.target.value)} /></FormField>
            </ConfirmAction>
          )}
        </div>
      </CardContent>
    </Card>
  );
}
