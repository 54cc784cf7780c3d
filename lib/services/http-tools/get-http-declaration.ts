import 'server-only';
// The declaration of an HTTP tool as reviewers and users read it (method, URL template, mapping, credential kind and
// secret name, limits). It holds no secret value. null for other kinds of tool and for unknown tools.
import { assertCan, type Actor } from '@/lib/policy';
import { httpToolConfigSchema, type THttpToolConfig } from '@/lib/schemas/http-tool';
import { getDb } from '@/lib/server/db/client';

export async function getHttpDeclaration({ actor, slug }: { actor: Actor; slug: string }): Promise<THttpToolConfig | null> {
  assertCan(actor, 'catalogue.read');
  const db = await getDb();
  const tool = await db.tool.findUnique({ where: { slug }, select: { kind: true, config: true } });
  if (tool?.kind !== 'http_declarative') return null;
  const parsed = httpToolConfigSchema.safeParse(tool.config);
  return parsed.success ? parsed.data : null;
}
