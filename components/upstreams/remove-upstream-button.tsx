'use client';
// Remove an upstream server (after confirmation), then go back to the list (its page no longer exists).
import { useRouter } from 'next/navigation';
import { removeUpstreamAction } from '@/app/(portal)/admin/upstreams/actions';
import { ConfirmAction } from '@/components/admin/confirm-action';

export function RemoveUpstreamButton({ id, name, toolCount }: { id: string; name: string; toolCount: number }) {
  const router = useRouter();
  return (
    <ConfirmAction
      label="Remove" title={`Remove ${name}?`} confirmLabel="Remove server" action={removeUpstreamAction} input={{ id }} size="md"
      description={`Its ${toolCount} catalogue tool(s) are retired (no longer listed or callable; history kept) and its stored credentials deleted.`}
      onDone={() => router.push('/admin/upstreams')}
    />
  );
}
