import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getActor } from '@/lib/server/auth/actor';
import { oidcEnabled } from '@/lib/server/auth/oidc';
import { demoDataEnabled } from '@/lib/server/env';
import { SignInForm } from '@/components/auth/sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };
export const dynamic = 'force-dynamic';

const DEMO_ACCOUNTS = [
  ['admin@example.com', 'Platform admin'],
  ['reviewer@example.com', 'Security reviewer'],
  ['auditor@example.com', 'Auditor'],
  ['requester@acme.example', 'Requester (Acme)'],
  ['owner@acme.example', 'Tool owner (Acme)'],
  ['operator@acme.example', 'Operator (Acme)'],
  ['operator2@acme.example', 'Second operator (Acme, two-person rule)'],
  ['tenant-admin@acme.example', 'Tenant admin (Acme)'],
] as const;

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  if (await getActor()) redirect('/');
  const sp = await searchParams;
  // Without a callback, '/' sends each role to its landing page.
  const callbackUrl = sp.callbackUrl?.startsWith('/') ? sp.callbackUrl : '/';
  return (
    <main className="flex min-h-screen items-center justify-center bg-muted/40 p-4">
      <div className="w-full max-w-md space-y-6">
        <div className="text-center">
          <p className="text-sm font-medium text-primary">MCP Tool Platform</p>
          <h1 className="mt-1 text-2xl font-semibold tracking-tight">Sign in</h1>
          <p className="mt-1 text-sm text-muted-foreground">Governed tools for your AI agents.</p>
        </div>
        <SignInForm callbackUrl={callbackUrl} sso={oidcEnabled()} initialError={sp.error ? 'Sign-in failed. Try again.' : null} />
        {demoDataEnabled() ? (
          <details className="rounded-lg border border-border bg-card p-4 text-sm">
            <summary className="cursor-pointer font-medium">Demo accounts (password: demo-password)</summary>
            <ul className="mt-2 space-y-1 text-muted-foreground">
              {DEMO_ACCOUNTS.map(([email, role]) => (
                <li key={email}><code className="text-foreground">{email}</code> — {role}</li>
              ))}
            </ul>
          </details>
        ) : null}
      </div>
    </main>
  );
}
