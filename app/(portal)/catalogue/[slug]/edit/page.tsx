import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { requirePagePermission } from '@/lib/server/auth/guard';
import { isAppError } from '@/lib/errors';
import { getToolOrThrow } from '@/lib/services/catalogue/get-tool';
import { PageHeader } from '@/components/ui/page-header';
import { ToolEditForm } from '@/components/catalogue/tool-edit-form';
import { updateToolAction } from '../../actions';

export const metadata = { title: 'Edit tool' };

export default async function EditToolPage({ params }: { params: Promise<{ slug: string }> }) {
  const actor = await requirePagePermission('tool.edit');
  const { slug } = await params;
  const t = await getToolOrThrow({ actor, slug: decodeURIComponent(slug) }).catch((e: unknown) => {
    if (isAppError(e) && e.code === 'NOT_FOUND') notFound();
    throw e;
  });
  if (!t.canEdit) forbidden();
  const s = t.served;
  const ann = s?.annotations ?? {};
  return (
    <>
      <PageHeader eyebrow={<Link href={`/catalogue/${t.slug}`} className="hover:underline">{t.slug}</Link>} title={`Edit ${t.title}`} description="You own this tool. Changes are audited." />
      <ToolEditForm
        action={updateToolAction}
        values={{
          slug: t.slug, category: t.category, ownerTeam: t.ownerTeam, tags: t.tags, dataRead: t.dataRead, dataWritten: t.dataWritten, timeoutMs: t.timeoutMs,
          maxInputBytes: t.maxInputBytes, maxOutputBytes: t.maxOutputBytes, sloP95Ms: t.sloP95Ms, sloSuccessRate: Math.round(t.sloSuccessRate * 10_000) / 100,
          name: s?.name ?? t.slug, title: typeof ann.title === 'string' ? ann.title : t.title, description: s?.description ?? t.description,
          inputSchema: JSON.stringify(s?.inputSchema ?? { type: 'object', properties: {} }, null, 2), outputSchema: s?.outputSchema ? JSON.stringify(s.outputSchema, null, 2) : '',
          readOnlyHint: ann.readOnlyHint === true, destructiveHint: ann.destructiveHint === true, idempotentHint: ann.idempotentHint === true, openWorldHint: ann.openWorldHint === true,
          pendingVersion: t.pendingVersion?.version ?? null,
        }}
      />
    </>
  );
}
