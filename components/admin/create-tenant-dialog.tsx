'use client';
// Platform admins create a tenant: name, slug (fixed afterwards), default limits, SSO email domains.
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { createTenantAction } from '@/app/(portal)/admin/actions';
import { useAction } from '@/components/activation/use-action';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { ZCreateTenantInput } from '@/lib/schemas/admin';

export const splitList = (s: string) => s.split(/[\s,]+/).map((x) => x.trim()).filter(Boolean);

export function CreateTenantDialog() {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [slugEdited, setSlugEdited] = useState(false);
  const [rpm, setRpm] = useState('120');
  const [perDay, setPerDay] = useState('10000');
  const [domains, setDomains] = useState('');
  const router = useRouter();
  const { run, pending, error, reset } = useAction(createTenantAction, { schema: ZCreateTenantInput, refresh: false });
  const fe = error?.fieldErrors ?? {};
  const autoSlug = (n: string) => n.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^[^a-z]+|-+$/g, '').slice(0, 40);
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const t = await run({ name, slug, defaultRequestsPerMinute: rpm, defaultCallsPerDay: perDay, ssoDomains: splitList(domains) });
    if (t) router.push(`/admin/tenants/${t.id}`);
  }
  return (
    <Dialog open={open} onOpenChange={(o) => { setOpen(o); if (!o) reset(); }}>
      <DialogTrigger asChild><Button type="button">New tenant</Button></DialogTrigger>
      <DialogContent>
        <form onSubmit={submit} noValidate className="grid gap-4">
          <DialogHeader>
            <DialogTitle>New tenant</DialogTitle>
            <DialogDescription>An organisation with its own users, teams, tools and policies. Invite its tenant admin next.</DialogDescription>
          </DialogHeader>
          <FormField label="Name" required error={fe.name}>
            <Input value={name} autoFocus onChange={(e) => { setName(e.target.value); if (!slugEdited) setSlug(autoSlug(e.target.value)); }} />
          </FormField>
          <FormField label="Slug" required error={fe.slug} hint="Lowercase letters, digits and hyphens; cannot change later.">
            <Input value={slug} onChange={(e) => { setSlug(e.target.value); setSlugEdited(true); }} />
          </FormField>
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField label="Requests / minute" error={fe.defaultRequestsPerMinute} hint="Default per tool"><Input type="number" min={1} value={rpm} onChange={(e) => setRpm(e.target.value)} /></FormField>
            <FormField label="Calls / day" error={fe.defaultCallsPerDay} hint="Default per tool"><Input type="number" min={1} value={perDay} onChange={(e) => setPerDay(e.target.value)} /></FormField>
          </div>
          <FormField label="SSO email domains" error={fe.ssoDomains ?? Object.entries(fe).find(([k]) => k.startsWith('ssoDomains.'))?.[1]} hint="Optional, comma-separated: first SSO sign-ins from these domains join this tenant.">
            <Input value={domains} onChange={(e) => setDomains(e.target.value)} placeholder="acme.com" />
          </FormField>
          {error && Object.keys(fe).length === 0 ? <Alert variant="destructive">{error.message}</Alert> : null}
          <DialogFooter>
            <Button type="button" variant="ghost" onClick={() => setOpen(false)}>Cancel</Button>
            <Button type="submit" disabled={pending}>{pending ? 'Creating…' : 'Create tenant'}</Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
