// Keeps the built-in tools' catalogue records and served versions in step with their contracts.
// Idempotent: an unchanged definition (same hash) creates nothing; a changed one creates the next version.
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { BUILTIN_TOOLS, type BuiltinToolDefinition } from '@/lib/schemas/builtin-tools';
import { BUILTIN_CONTRACT_EXAMPLES } from '@/lib/services/contracts/builtin-examples';
import { builtinDefinitionView, canonicalJson, definitionHash } from '@/lib/tool-definition';

// A slug already taken by a tool of another kind (an upstream or HTTP tool registered before a built-in of that name
// shipped) is skipped with a warning: attaching a built-in version to it would make it run our code under its record.
export async function syncBuiltinTools(db: PrismaClient, tools: readonly BuiltinToolDefinition[] = BUILTIN_TOOLS, warn: (message: string) => void = console.warn): Promise<{ skipped: string[] }> {
  const skipped: string[] = [];
  for (const t of tools) {
    const view = builtinDefinitionView(t);
    const hash = definitionHash(view);
    const record = {
      title: t.title, description: t.description, category: t.category, kind: 'builtin' as const, ownerTeam: t.ownerTeam,
      riskLevel: t.riskLevel, dataClassification: t.dataClassification, dataRead: t.dataRead, dataWritten: t.dataWritten,
      requiredScopes: t.requiredScopes, timeoutMs: t.timeoutMs, maxInputBytes: t.maxInputBytes, maxOutputBytes: t.maxOutputBytes,
      auditLevel: t.auditLevel, critical: t.critical, readOnly: t.readOnly, destructive: t.destructive, idempotent: t.idempotent,
      openWorld: t.openWorld, tags: t.tags,
    };
    await db.$transaction(async (tx) => {
      const taken = await tx.tool.findUnique({ where: { slug: t.slug }, select: { kind: true } });
      if (taken && taken.kind !== 'builtin') {
        skipped.push(t.slug);
        warn(`[seed] Built-in tool "${t.slug}" skipped: a ${taken.kind} tool already has this slug. Rename that tool to serve the built-in one.`);
        return;
      }
      const tool = await tx.tool.upsert({
        where: { slug: t.slug },
        create: { slug: t.slug, lifecycle: 'published', ...record, links: [{ title: 'Source', url: `mcp-server/tools/${t.slug.replace(/_/g, '-')}.ts` }] },
        update: {},
      });
      // Compare with the last version the platform itself released (no author): an owner's reviewed edit is never
      // overwritten by a re-seed, only by a real change of the built-in contract.
      const lastBuiltin = await tx.toolVersion.findFirst({ where: { toolId: tool.id, authorId: null }, orderBy: { version: 'desc' } });
      // Contract examples are test data outside the definition hash: kept in step on the platform's own version.
      const examples = BUILTIN_CONTRACT_EXAMPLES[t.slug] ?? [];
      if (lastBuiltin?.definitionHash === hash) {
        if (canonicalJson(lastBuiltin.contractExamples) !== canonicalJson(examples)) await tx.toolVersion.update({ where: { id: lastBuiltin.id }, data: { contractExamples: examples as object[] } });
        return;
      }
      const latest = await tx.toolVersion.findFirst({ where: { toolId: tool.id }, orderBy: { version: 'desc' } });
      const version = (latest?.version ?? 0) + 1;
      if (latest) await tx.toolVersion.updateMany({ where: { toolId: tool.id, status: 'approved' }, data: { status: 'superseded' } });
      await tx.toolVersion.create({
        data: {
          toolId: tool.id, version, status: 'approved', name: view.name, description: view.description,
          inputSchema: view.inputSchema as object, outputSchema: (view.outputSchema ?? undefined) as object | undefined,
          annotations: view.annotations as object, definitionHash: hash, contractExamples: examples as object[],
          changeNote: latest ? 'Built-in contract updated' : 'Initial built-in release',
        },
      });
      await tx.tool.update({ where: { id: tool.id }, data: { ...record, servedVersion: version } });
    });
  }
  return { skipped };
}
