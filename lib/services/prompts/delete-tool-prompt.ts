import 'server-only';
// The tool's owner (or a platform admin) deletes one of its usage prompts; audited in the same transaction.
import { AppError } from '@/lib/errors';
import { assertCan, type Actor } from '@/lib/policy';
import { writeAudit } from '@/lib/server/audit';
import { getDb } from '@/lib/server/db/client';
import { newRequestId } from '@/lib/server/ids';

export async function deleteToolPrompt({ actor, slug, promptId }: { actor: Actor; slug: string; promptId: string }) {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const tool = await tx.tool.findUnique({ where: { slug }, select: { id: true, slug: true, ownerUserId: true } });
    if (!tool) throw new AppError('NOT_FOUND', { userMessage: `No tool named ${slug} in the catalogue.` });
    assertCan(actor, 'tool.edit', { ownerUserId: tool.ownerUserId });
    const prompt = await tx.toolPrompt.findFirst({ where: { id: promptId, toolId: tool.id }, select: { name: true } });
    const res = await tx.toolPrompt.deleteMany({ where: { id: promptId, toolId: tool.id } });
    if (res.count !== 1 || !prompt) throw new AppError('NOT_FOUND', { userMessage: 'This prompt does not exist any more: reload the page.' });
    await writeAudit(tx, actor, { requestId: newRequestId(), action: 'tool_prompt.deleted', resourceType: 'tool_prompt', resourceId: promptId, toolSlug: tool.slug, tenantId: null, details: { name: prompt.name } });
    return { id: promptId };
  });
}
