// The page behind an invitation or reset link: whose account, until when, and the password form; a dead link
// (unknown, used, expired, revoked) gets one explanation for all cases.
import Link from 'next/link';
import { SetPasswordForm } from './set-password-form';
import { formatWhen } from './status-badge';

export type AccountLinkView = { email: string; name: string; tenantName: string | null; expiresAt: Date } | null;

export function AccountLinkPage({ token, purpose, link }: { token: string; purpose: 'invite' | 'password_reset'; link: AccountLinkView }) {
  const title = purpose === 'invite' ? 'Accept your invitation' : 'Choose a new password';
  return (
    <main className="flex min-h-screen items-center justify-center bg-muted/40 p-4">
      <div className="w-full max-w-md space-y-6">
        <div className="text-center">
          <p className="text-sm font-medium text-primary">MCP Tool Platform</p>
          <h1 className="mt-1 text-2xl font-semibold tracking-tight">{link ? title : 'This link no longer works'}</h1>
          {link ? (
            <p className="mt-1 text-sm text-muted-foreground">
              {link.name} ({link.email}){link.tenantName ? `, ${link.tenantName}` : ''}. The link works once, until {formatWhen(link.expiresAt)}.
            </p>
          ) : (
            <p className="mt-1 text-sm text-muted-foreground">It has expired, was already used or was replaced by a newer one. Ask your administrator for a new link.</p>
          )}
        </div>
        {link ? <SetPasswordForm token={token} email={link.email} purpose={purpose} /> : <p className="text-center text-sm"><Link className="text-primary hover:underline" href="/sign-in">Go to sign-in</Link></p>}
      </div>
    </main>
  );
}
