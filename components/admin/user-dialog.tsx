'use client';
// Creates (invite or initial password) or edits a user: name, roles within what the admin may grant, teams of the
// user's tenant. After an invitation the link is shown once, unless it went out by email.
import { useState } from 'react';
import { createUserAction, updateUserAction } from '@/app/(portal)/admin/actions';
import { useAction } from '@/components/activation/use-action';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { ZCreateUserInput, ZUpdateUserInput } from '@/lib/schemas/admin';
import { ROLE_LABELS, type TRole } from '@/lib/schemas/identity';
import { LinkOnce, type Delivery } from './link-once';

export type UserFormContext = { tenantId: string | null; roles: readonly TRole[]; teams: { id: string; name: string }[] };
export type EditableUser = { id: string; email: string; name: string; roles: TRole[]; teamIds: string[] };

function Checks<T extends string>({ legend, items, value, onChange, error }: { legend: string; items: { value: T; label: string }[]; value: Set<T>; onChange: (v: Set<T>) => void; error?: string[] }) {
  return (
    <fieldset className="grid gap-1" aria-invalid={error ? true : undefined}>
      <legend className="mb-1 text-sm font-medium">{legend}</legend>
      {items.length === 0 ? <p className="text-sm text-muted-foreground">None available.</p> : null}
      <div className="grid gap-1 sm:grid-cols-2">
        {items.map((i) => (
          <label key={i.value} className="flex items-center gap-2 text-sm">
            <input type="checkbox" className="accent-primary" checked={value.has(i.value)} onChange={(e) => { const n = new Set(value); if (e.target.checked) n.add(i.value); else n.delete(i.value); onChange(n); }} />
            {i.label}
          </label>
        ))}
      </div>
      {error ? <p role="alert" className="text-sm font-medium text-destructive">{error.join(' ')}</p> : null}
    </fieldset>
  );
}

export function UserDialog({ ctx, user }: { ctx: UserFormContext; user?: EditableUser }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        {user ? <Button type="button" size="sm" variant="outline" aria-label={`Edit ${user.email}`}>Edit</Button> : <Button type="button">{ctx.tenantId ? 'Add user' : 'Add platform user'}</Button>}
      </DialogTrigger>
      <DialogContent className="max-w-xl">{open ? <UserForm ctx={ctx} user={user} onClose={() => setOpen(false)} /> : null}</DialogContent>
    </Dialog>
  );
}

function UserForm({ ctx, user, onClose }: { ctx: UserFormContext; user?: EditableUser; onClose: () => void }) {
  const [email, setEmail] = useState(user?.email ?? '');
  const [name, setName] = useState(user?.name ?? '');
  const [roles, setRoles] = useState<Set<TRole>>(new Set(user?.roles ?? []));
  const [teams, setTeams] = useState<Set<string>>(new Set(user?.teamIds ?? []));
  const [mode, setMode] = useState<'invite' | 'password'>('invite');
  const [password, setPassword] = useState('');
  const [issued, setIssued] = useState<{ link: Delivery; email: string } | null>(null);
  const create = useAction(createUserAction, { schema: ZCreateUserInput });
  const update = useAction(updateUserAction, { schema: ZUpdateUserInput });
  const { pending, error } = user ? update : create;
  const fe = error?.fieldErrors ?? {};
  const roleItems = [...new Set([...ctx.roles, ...(user?.roles ?? [])])].map((r) => ({ value: r, label: ROLE_LABELS[r] }));

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (user) {
      if (await update.run({ userId: user.id, name, roles: [...roles], teamIds: [...teams] })) onClose();
      return;
    }
    const r = await create.run({ tenantId: ctx.tenantId, email, name, roles: [...roles], teamIds: [...teams], mode, password: mode === 'password' ? password : undefined });
    if (!r) return;
    if (r.link) setIssued({ link: r.link, email: r.user.email });
    else onClose();
  }

  if (issued) {
    return (
      <div className="grid gap-4">
        <DialogHeader><DialogTitle>Invitation created</DialogTitle><DialogDescription>{issued.email} sets a password through this single-use link.</DialogDescription></DialogHeader>
        <LinkOnce result={issued.link} email={issued.email} />
        <DialogFooter><Button type="button" onClick={onClose}>Done</Button></DialogFooter>
      </div>
    );
  }
  return (
    <form onSubmit={submit} noValidate className="grid gap-4">
      <DialogHeader>
        <DialogTitle>{user ? `Edit ${user.email}` : ctx.tenantId ? 'Add a user' : 'Add a platform user'}</DialogTitle>
        <DialogDescription>{user ? 'Role and team changes apply at the user’s next request.' : 'Invite them with a single-use link, or set an initial password yourself.'}</DialogDescription>
      </DialogHeader>
      {user ? null : <FormField label="Email" required error={fe.email}><Input type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoFocus /></FormField>}
      <FormField label="Name" required error={fe.name}><Input value={name} onChange={(e) => setName(e.target.value)} /></FormField>
      <Checks legend="Roles" items={roleItems} value={roles} onChange={setRoles} error={fe.roles} />
      {ctx.tenantId ? <Checks legend="Teams" items={ctx.teams.map((t) => ({ value: t.id, label: t.name }))} value={teams} onChange={setTeams} error={fe.teamIds} /> : null}
      {user ? null : (
        <fieldset className="grid gap-2">
          <legend className="mb-1 text-sm font-medium">Access</legend>
          <label className="flex items-center gap-2 text-sm"><input type="radio" name="mode" className="accent-primary" checked={mode === 'invite'} onChange={() => setMode('invite')} />Send an invitation link (valid 72 hours)</label>
          <label className="flex items-center gap-2 text-sm"><input type="radio" name="mode" className="accent-primary" checked={mode === 'password'} onChange={() => setMode('password')} />Set an initial password</label>
          {mode === 'password' ? <FormField label="Initial password" required error={fe.password} hint="At least 12 characters; tell the user through another channel."><Input type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} /></FormField> : null}
        </fieldset>
      )}
      {error && Object.keys(fe).length === 0 ? <Alert variant="destructive">{error.message}</Alert> : null}
      <DialogFooter>
        <Button type="button" variant="ghost" onClick={onClose}>Cancel</Button>
        <Button type="submit" disabled={pending}>{pending ? 'Saving…' : user ? 'Save' : mode === 'invite' ? 'Create and invite' : 'Create user'}</Button>
      </DialogFooter>
    </form>
  );
}
