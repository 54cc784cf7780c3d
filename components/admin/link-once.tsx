'use client';
// An invitation or reset link issued without an SMTP relay: shown here once, never again.
import { CopyButton } from '@/components/settings/copy-button';
import { Alert } from '@/components/ui/alert';
import { formatWhen } from './status-badge';

export type Delivery = { delivery: 'email'; expiresAt: Date | string } | { delivery: 'shown'; url: string; expiresAt: Date | string; emailError: string | null };

export function LinkOnce({ result, email }: { result: Delivery; email: string }) {
  if (result.delivery === 'email') {
    return <Alert variant="success" title="Link sent">An email with a single-use link went to {email}. It works until {formatWhen(result.expiresAt)}.</Alert>;
  }
  return (
    <Alert variant="warning" title="Copy this link now: it is shown only once">
      <p className="mb-2">{result.emailError ?? 'No email relay is configured.'} Send it to {email} yourself; it works once, until {formatWhen(result.expiresAt)}.</p>
      <code data-testid="account-link" className="mb-2 block break-all rounded bg-muted px-2 py-1 text-xs">{result.url}</code>
      <CopyButton value={result.url} label="Copy link" />
    </Alert>
  );
}
