import 'server-only';
// The tool's owner (or a platform admin) creates or edits one of its usage prompts. Prompts are guidance, not part
// of the tool's reviewed definition: they apply at once to the callers the tool is enabled for. One transaction,
// one audit event; a concurrent edit of the same name gets a clear conflict.
import { AppError } from '@/lib/errors';
import { Prisma } from '@/lib/generated/prisma/client';
import { assertCan, type Actor } from '@/lib/policy';
import type { TSaveToolPromptInput } from '@/lib/schemas/prompts';
import { writeAudit } from '@/lib/server/audit';
import { getDb } from '@/lib/server/db/client';
import { newRequestId } from '@/lib/server/ids';

export async function saveToolPrompt({ actor, slug, promptId, ...fields }: Omit<TSaveToolPromptInput, 'promptId'> & { promptId?: string; actor: Actor }) {
  const db = await getDb();
  try {
    return await db.$transaction(async (tx) => {
      const tool = await tx.tool.findUnique({ where: { slug }, select: { id: true, slug: true, ownerUserId: true } });
      if (!tool) throw new AppError('NOT_FOUND', { userMessage: `No tool named ${slug} in the catalogue.` });
      assertCan(actor, 'tool.edit', { ownerUserId: tool.ownerUserId });
      const data = { name: fields.name, title: fields.title, description: fields.description, template: fields.template, arguments: fields.arguments as Prisma.InputJsonValue };
      let id: string;
      if (promptId) {
        const res = await tx.toolPrompt.updateMany({ where: { id: promptId, toolId: tool.id }, data });
        if (res.count !== 1) throw new AppError('NOT_FOUND', { userMessage: 'This prompt does not exist any more: reload the page.' });
        id = promptId;
      } else {
        id = (await tx.toolPrompt.create({ data: { ...data, toolId: tool.id, createdById: actor.id } })).id;
      }
      await writeAudit(tx, actor, {
        requestId: newRequestId(), action: promptId ? 'tool_prompt.updated' : 'tool_prompt.created', resourceType: 'tool_prompt', resourceId: id,
        toolSlug: tool.slug, tenantId: null, details: { name: fields.name, arguments: fields.arguments.map((a) => a.name) },
      });
      return { id, name: fields.name, agentName: `${tool.slug}.${fields.name}` };
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002') {
      throw new AppError('CONFLICT', { userMessage: `This tool already has a prompt named ${fields.name}.`, fieldErrors: { name: ['This name is taken for this tool.'] } });
    }
    throw e;
  }
}
