'use client';
import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardContent } from '@/components/ui/card';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { fieldErrorsFromIssues } from '@/lib/errors';
import { ZSignInInput } from '@/lib/schemas/identity';

export function SignInForm({ callbackUrl, sso, initialError }: { callbackUrl: string; sso: boolean; initialError: string | null }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(initialError);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const parsed = ZSignInInput.safeParse({ email: form.get('email'), password: form.get('password') });
    setError(null);
    if (!parsed.success) {
      setFieldErrors(fieldErrorsFromIssues(parsed.error.issues));
      return;
    }
    setFieldErrors({});
    setPending(true);
    try {
      const res = await signIn('credentials', { ...parsed.data, redirect: false, callbackUrl });
      if (!res || res.error) {
        setError(res?.error && res.error !== 'CredentialsSignin' ? res.error : 'Incorrect email or password.');
        return;
      }
      router.replace(callbackUrl);
      router.refresh();
    } catch {
      setError('Sign-in is unavailable right now. Try again in a moment.');
    } finally {
      setPending(false);
    }
  }

  return (
    <Card>
      <CardContent className="space-y-4 pt-6">
        {error ? <Alert variant="destructive" data-testid="sign-in-error">{error}</Alert> : null}
        <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Sign in">
          <FormField label="Email" error={fieldErrors.email} required>
            <Input name="email" type="email" autoComplete="username" autoFocus />
          </FormField>
          <FormField label="Password" error={fieldErrors.password} required>
            <Input name="password" type="password" autoComplete="current-password" />
          </FormField>
          <Button type="submit" className="w-full" disabled={pending}>
            {pending ? 'Signing in…' : 'Sign in'}
          </Button>
        </form>
        {sso ? (
          <Button variant="outline" className="w-full" onClick={() => void signIn('oidc', { callbackUrl })}>
            Sign in with single sign-on
          </Button>
        ) : null}
      </CardContent>
    </Card>
  );
}
