import Link from 'next/link';
import { requirePagePermission } from '@/lib/server/auth/guard';
import { PageHeader } from '@/components/ui/page-header';
import { RequestForm } from '@/components/requests/request-form';
import { saveToolRequestAction } from '../actions';

export const metadata = { title: 'New tool request' };

export default async function NewRequestPage() {
  await requirePagePermission('tool_request.create');
  return (
    <>
      <PageHeader eyebrow={<Link href="/requests" className="hover:underline">My requests</Link>} title="Request a new tool" description="Fill in what you know; save a draft any time. Fields marked * are needed to submit." />
      <RequestForm initial={null} action={saveToolRequestAction} />
    </>
  );
}
