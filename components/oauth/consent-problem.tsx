'use client';
import { signOut } from 'next-auth/react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

/** Why this authorization cannot go on (expired, another browser, an account without tools), and a way out. */
export function ConsentProblem({ message, email, callbackUrl }: { message: string; email: string; callbackUrl: string }) {
  return (
    <main className="flex min-h-screen items-center justify-center bg-muted/40 p-4">
      <div className="w-full max-w-md space-y-4 rounded-lg border border-border bg-card p-6">
        <h1 className="text-xl font-semibold">This connection cannot continue</h1>
        <Alert variant="destructive">{message}</Alert>
        <p className="text-sm text-muted-foreground">Signed in as {email}.</p>
        <Button variant="outline" onClick={() => void signOut({ callbackUrl: `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}` })}>
          Use another account
        </Button>
      </div>
    </main>
  );
}
