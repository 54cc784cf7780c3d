import 'server-only';
// An owner edits its tool. Record fields agents never see change in place; a change to what agents see (name,
// title, description, schemas, annotations) becomes a new version "in review", served only once a security
// reviewer approves it: a tool never changes under an approval. One transaction, one audit event.
import { AppError } from '@/lib/errors';
import { assertCan, type Actor } from '@/lib/policy';
import type { TUpdateToolInput } from '@/lib/schemas/catalogue';
import { writeAudit } from '@/lib/server/audit';
import { getDb } from '@/lib/server/db/client';
import { createNotifications, reviewerIds } from '@/lib/services/notifications/create-notifications';
import { canonicalJson, definitionHash, type ToolDefinitionView } from '@/lib/tool-definition';
import { newRequestId } from '@/lib/server/ids';

const RECORD_FIELDS = ['category', 'ownerTeam', 'tags', 'dataRead', 'dataWritten', 'timeoutMs', 'maxInputBytes', 'maxOutputBytes', 'sloP95Ms', 'sloSuccessRate'] as const;

export async function updateTool({ actor, slug, ...input }: TUpdateToolInput & { actor: Actor }) {
  const db = await getDb();
  return db.$transaction(async (tx) => {
    const tool = await tx.tool.findUnique({ where: { slug }, include: { versions: { orderBy: { version: 'desc' } } } });
    if (!tool) throw new AppError('NOT_FOUND', { userMessage: `No tool named ${slug} in the catalogue.` });
    assertCan(actor, 'tool.edit', { ownerUserId: tool.ownerUserId });

    const record = { ...Object.fromEntries(RECORD_FIELDS.map((k) => [k, input[k]])), sloSuccessRate: input.sloSuccessRate / 100 } as Record<(typeof RECORD_FIELDS)[number], unknown>;
    const changedFields = RECORD_FIELDS.filter((k) => JSON.stringify(record[k]) !== JSON.stringify(tool[k]));
    if (changedFields.length) await tx.tool.update({ where: { id: tool.id }, data: Object.fromEntries(changedFields.map((k) => [k, record[k]])) });

    const served = tool.versions.find((v) => v.version === tool.servedVersion);
    const baseAnnotations = served?.annotations && typeof served.annotations === 'object' && !Array.isArray(served.annotations) ? (served.annotations as Record<string, unknown>) : {};
    const proposed: ToolDefinitionView = {
      name: input.name, description: input.description, inputSchema: input.inputSchema ?? {}, outputSchema: input.outputSchema,
      annotations: { ...baseAnnotations, title: input.title, readOnlyHint: input.readOnlyHint, destructiveHint: input.destructiveHint, idempotentHint: input.idempotentHint, openWorldHint: input.openWorldHint },
    };
    // A built-in tool's name and schemas are its executor's contract (mcp-server/tools): owners may reword it and
    // adjust its annotations, not rename it or change what it accepts and returns.
    if (tool.kind === 'builtin' && served) {
      const fieldErrors: Record<string, string[]> = {};
      if (proposed.name !== tool.slug) fieldErrors.name = ['Built-in tools keep their name: agents and the executor depend on it.'];
      const same = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null);
      if (!same(proposed.inputSchema, served.inputSchema) || !same(proposed.outputSchema, served.outputSchema)) {
        fieldErrors.inputSchema = ["A built-in tool's schemas are defined by its code; change them in mcp-server/tools and lib/schemas/builtin-tools.ts."];
      }
      if (Object.keys(fieldErrors).length) throw new AppError('VALIDATION', { userMessage: 'This change is not possible for a built-in tool.', fieldErrors });
    }
    const hash = definitionHash(proposed);
    let proposedVersion: number | null = null;
    if (hash !== served?.definitionHash) {
      const pending = tool.versions.find((v) => v.status === 'in_review');
      if (pending) throw new AppError('CONFLICT', { userMessage: `Version ${pending.version} is already in review; wait for the decision before proposing another change to what agents see.` });
      if (input.name !== tool.slug && (await tx.tool.findUnique({ where: { slug: input.name }, select: { id: true } }))) {
        throw new AppError('CONFLICT', { userMessage: `A tool named ${input.name} already exists.`, fieldErrors: { name: ['This name is taken.'] } });
      }
      proposedVersion = (tool.versions[0]?.version ?? 0) + 1;
      const v = await tx.toolVersion.create({
        data: {
          toolId: tool.id, version: proposedVersion, status: 'in_review', name: proposed.name, description: proposed.description,
          inputSchema: proposed.inputSchema as object, outputSchema: (proposed.outputSchema ?? undefined) as object | undefined,
          annotations: proposed.annotations as object, definitionHash: hash, changeNote: input.changeNote || 'Edited by the owner', authorId: actor.id,
        },
      });
      await createNotifications(tx, await reviewerIds(tx), {
        kind: 'tool_version.submitted', title: `Tool change to review: ${tool.slug} v${proposedVersion}`,
        body: input.changeNote || 'The owner changed what agents see; approve before it is served.', href: () => `/reviews/versions/${v.id}`,
      }, actor.id);
    }
    if (!changedFields.length && proposedVersion === null) return { slug, changedFields, proposedVersion, unchanged: true };
    await writeAudit(tx, actor, {
      requestId: newRequestId(), action: 'tool.updated', resourceType: 'tool', resourceId: tool.id, toolSlug: tool.slug, tenantId: null,
      details: { changedFields, proposedVersion, definitionHash: proposedVersion ? hash : null },
    });
    return { slug, changedFields, proposedVersion, unchanged: false };
  });
}
