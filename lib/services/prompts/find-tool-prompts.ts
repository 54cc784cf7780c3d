import 'server-only';
// A tool's usage prompts as the tool page shows them (anyone who may read the catalogue).
import { AppError } from '@/lib/errors';
import { assertCan, type Actor } from '@/lib/policy';
import { storedPromptArguments, type TToolPromptView } from '@/lib/schemas/prompts';
import { getDb } from '@/lib/server/db/client';

export async function findToolPrompts({ actor, slug }: { actor: Actor; slug: string }): Promise<TToolPromptView[]> {
  assertCan(actor, 'catalogue.read');
  const db = await getDb();
  const tool = await db.tool.findUnique({ where: { slug }, select: { id: true } });
  if (!tool) throw new AppError('NOT_FOUND', { userMessage: `No tool named ${slug} in the catalogue.` });
  const rows = await db.toolPrompt.findMany({ where: { toolId: tool.id }, orderBy: [{ name: 'asc' }] });
  return rows.map((r) => ({ id: r.id, name: r.name, title: r.title, description: r.description, arguments: storedPromptArguments(r.arguments), template: r.template, updatedAt: r.updatedAt.toISOString() }));
}
