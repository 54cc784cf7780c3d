import Link from 'next/link';
import { requirePagePermission } from '@/lib/server/auth/guard';
import { PageHeader } from '@/components/ui/page-header';
import { HttpToolForm } from '@/components/http-tools/http-tool-form';
import { declareHttpToolAction, previewHttpToolAction } from './actions';

export const metadata = { title: 'Declare an HTTP tool' };

export default async function NewHttpToolPage() {
  await requirePagePermission('tool.declare');
  return (
    <>
      <PageHeader
        eyebrow={<Link href="/catalogue" className="hover:underline">Catalogue</Link>}
        title="Declare an HTTP tool"
        description="One HTTP request built from the agent's arguments, no code release. It is served once a security reviewer approves it, then tenant admins enable it."
      />
      <HttpToolForm previewAction={previewHttpToolAction} declareAction={declareHttpToolAction} />
    </>
  );
}
