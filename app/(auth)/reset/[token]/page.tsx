import type { Metadata } from 'next';
import { getAccountLink } from '@/lib/services/invitations/get-account-link';
import { AccountLinkPage } from '@/components/admin/account-link-page';

export const metadata: Metadata = { title: 'Reset password', referrer: 'no-referrer' };
export const dynamic = 'force-dynamic';

export default async function ResetPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return <AccountLinkPage token={token} purpose="password_reset" link={await getAccountLink({ token, purpose: 'password_reset' })} />;
}
