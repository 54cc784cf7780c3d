import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { requirePagePermission } from '@/lib/server/auth/guard';
import { isAppError } from '@/lib/errors';
import { isEditable } from '@/lib/request-state';
import { getToolRequestOrThrow } from '@/lib/services/tool-requests/get-tool-request';
import { PageHeader } from '@/components/ui/page-header';
import { Alert } from '@/components/ui/alert';
import { RequestForm } from '@/components/requests/request-form';
import { saveToolRequestAction } from '../../actions';

export const metadata = { title: 'Edit tool request' };

export default async function EditRequestPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePagePermission('tool_request.create');
  const { id } = await params;
  const r = await getToolRequestOrThrow({ actor, id }).catch((e: unknown) => {
    if (isAppError(e) && e.code === 'NOT_FOUND') notFound();
    throw e;
  });
  if (r.requesterId !== actor.id || !isEditable(r.status)) redirect(`/requests/${id}`);
  const lastAsk = [...r.events].reverse().find((e) => e.type === 'changes_requested');
  return (
    <>
      <PageHeader eyebrow={<Link href={`/requests/${id}`} className="hover:underline">{r.title}</Link>} title={r.status === 'changes_requested' ? 'Update and resubmit' : 'Edit draft'} />
      {r.status === 'changes_requested' && lastAsk ? <Alert variant="warning" title={`${lastAsk.actor} asked for changes`} className="mb-4"><span className="whitespace-pre-wrap">{lastAsk.comment}</span></Alert> : null}
      <RequestForm initial={r} action={saveToolRequestAction} />
    </>
  );
}
