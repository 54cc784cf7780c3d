'use client';
// The invitee (or a user resetting a password) chooses a password; the link works once.
import { useState } from 'react';
import Link from 'next/link';
import { acceptInvitationAction, resetPasswordAction } from '@/app/(auth)/invite/actions';
import { useAction } from '@/components/activation/use-action';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { ZAcceptAccountLinkInput } from '@/lib/schemas/admin';

export function SetPasswordForm({ token, email, purpose }: { token: string; email: string; purpose: 'invite' | 'password_reset' }) {
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [done, setDone] = useState(false);
  const { run, pending, error } = useAction(purpose === 'invite' ? acceptInvitationAction : resetPasswordAction, { schema: ZAcceptAccountLinkInput, refresh: false });
  const fe = error?.fieldErrors ?? {};
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (await run({ token, password, confirm })) setDone(true);
  }
  if (done) {
    return (
      <div className="grid gap-4">
        <Alert variant="success" title="Password set">You can now sign in as {email}.</Alert>
        <Button asChild><Link href="/sign-in">Sign in</Link></Button>
      </div>
    );
  }
  return (
    <form onSubmit={submit} noValidate className="grid gap-4 rounded-lg border border-border bg-card p-6">
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <FormField label="New password" required error={fe.password} hint="At least 12 characters. A passphrase of a few words is easy to remember.">
        <Input type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} autoFocus />
      </FormField>
      <FormField label="Repeat the password" required error={fe.confirm}>
        <Input type="password" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} />
      </FormField>
      {error && Object.keys(fe).length === 0 ? <Alert variant="destructive">{error.message}</Alert> : null}
      <Button type="submit" disabled={pending}>{pending ? 'Saving…' : purpose === 'invite' ? 'Set password' : 'Change password'}</Button>
    </form>
  );
}
