import 'server-only';
// A tool owner declares an HTTP tool: the catalogue record (kind http_declarative, lifecycle in_review, its typed
// configuration) and version 1 of what agents see, in security review. It is served only once approved (two
// reviewers for high-risk and critical tools: approveToolVersion), then activated by tenant admins like any tool.
// One transaction: record, version, reviewers' notifications, audit event.
import { AppError } from '@/lib/errors';
import { assertCan, type Actor } from '@/lib/policy';
import { schemaMappingProblems, type TDeclareHttpToolInput } from '@/lib/schemas/http-tool';
import { writeAudit } from '@/lib/server/audit';
import { getDb } from '@/lib/server/db/client';
import { newRequestId } from '@/lib/server/ids';
import { createNotifications, reviewerIds } from '@/lib/services/notifications/create-notifications';
import { definitionHash, type ToolDefinitionView } from '@/lib/tool-definition';
import { jsonSchemaProblems } from './check-json-schema';

/** The result agents receive: the HTTP status and the mapped data. */
export const HTTP_TOOL_OUTPUT_SCHEMA = {
  type: 'object',
  properties: { status: { type: 'integer', description: 'HTTP status of the response' }, data: { description: 'The kept response fields, or the whole JSON body' } },
  required: ['status', 'data'],
} as const;

export async function declareHttpTool({ actor, ...input }: TDeclareHttpToolInput & { actor: Actor }) {
  assertCan(actor, 'tool.declare');
  const schemaErrors = [...jsonSchemaProblems(input.inputSchema), ...schemaMappingProblems(input.config, input.inputSchema)];
  if (schemaErrors.length) throw new AppError('VALIDATION', { userMessage: `The input schema is not usable: ${schemaErrors[0]}`, fieldErrors: { inputSchema: schemaErrors } });
  const c = input.config;
  const readOnly = c.method === 'GET';
  const def: ToolDefinitionView = {
    name: input.name, description: input.description, inputSchema: input.inputSchema, outputSchema: { ...HTTP_TOOL_OUTPUT_SCHEMA },
    annotations: { title: input.title, readOnlyHint: readOnly, destructiveHint: c.method === 'DELETE', idempotentHint: readOnly || c.method === 'PUT' || c.method === 'DELETE', openWorldHint: true },
  };
  const hash = definitionHash(def);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    if (await tx.tool.findUnique({ where: { slug: input.name }, select: { id: true } })) {
      throw new AppError('CONFLICT', { userMessage: `A tool named ${input.name} already exists; choose another name.`, fieldErrors: { name: ['This name is taken.'] } });
    }
    const tool = await tx.tool.create({
      data: {
        slug: input.name, title: input.title, description: input.description, category: input.category, kind: 'http_declarative', lifecycle: 'in_review',
        ownerTeam: input.ownerTeam, ownerUserId: actor.kind === 'user' ? actor.id : null, riskLevel: input.riskLevel, dataClassification: input.dataClassification,
        dataRead: [new URL(c.urlTemplate.replace(/\{[^}]*\}/g, 'x')).host], dataWritten: readOnly ? [] : [new URL(c.urlTemplate.replace(/\{[^}]*\}/g, 'x')).host],
        requiredScopes: [], timeoutMs: c.timeoutMs, maxOutputBytes: Math.max(c.maxResponseBytes + 4096, 8192), critical: input.critical || input.riskLevel === 'critical',
        readOnly, destructive: c.method === 'DELETE', idempotent: def.annotations.idempotentHint === true, openWorld: true, tags: ['http'], config: c as object, servedVersion: 1,
      },
    });
    const version = await tx.toolVersion.create({
      data: {
        toolId: tool.id, version: 1, status: 'in_review', name: def.name, description: def.description, inputSchema: def.inputSchema as object,
        outputSchema: def.outputSchema as object, annotations: def.annotations as object, definitionHash: hash, changeNote: 'Declared in the portal (HTTP tool)', authorId: actor.id,
      },
    });
    await createNotifications(tx, await reviewerIds(tx), {
      kind: 'tool_version.submitted', title: `New HTTP tool to review: ${tool.slug}`, body: `${c.method} ${c.urlTemplate}`, href: () => `/reviews/versions/${version.id}`,
    }, actor.id);
    await writeAudit(tx, actor, {
      requestId: newRequestId(), action: 'tool.declared', resourceType: 'tool', resourceId: tool.id, toolSlug: tool.slug, toolVersion: 1, tenantId: null,
      details: { kind: 'http_declarative', method: c.method, urlTemplate: c.urlTemplate, auth: c.auth.type, riskLevel: input.riskLevel, definitionHash: hash },
    });
    return { slug: tool.slug, toolId: tool.id, versionId: version.id };
  });
}
