// SEED_BULK_TOOLS=1000: a large, varied catalogue to prove the list stays fast (off by default).
// Idempotent: tools are named bulk_<category>_<n>; the ones that exist are kept. Two createMany calls.
import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { definitionHash, type ToolDefinitionView } from '@/lib/tool-definition';

const CATEGORIES = ['knowledge', 'data', 'ticketing', 'finance', 'hr', 'communication', 'engineering', 'network'] as const;
const TEAMS = ['Platform', 'Support', 'Finance', 'HR', 'Data', 'Security'] as const;
const RISKS = ['low', 'low', 'medium', 'medium', 'high', 'critical'] as const;
const CLASSES = ['public', 'internal', 'internal', 'confidential', 'pii'] as const;
const VERBS = ['search', 'lookup', 'summarise', 'export', 'update', 'create', 'sync', 'validate'] as const;
const NOUNS = ['invoices', 'customers', 'contracts', 'payslips', 'incidents', 'articles', 'orders', 'leads', 'assets', 'shipments'] as const;

const pick = <T,>(xs: readonly T[], i: number): T => xs[i % xs.length]!;

export function bulkToolSpec(i: number) {
  const category = pick(CATEGORIES, i);
  const verb = pick(VERBS, Math.floor(i / 3));
  const noun = pick(NOUNS, Math.floor(i / 7));
  const writes = ['update', 'create', 'sync'].includes(verb);
  const risk = writes ? pick(['medium', 'high', 'critical'] as const, i) : pick(RISKS, i);
  const slug = `bulk_${category}_${verb}_${noun}_${String(i).padStart(4, '0')}`;
  const title = `${verb[0]!.toUpperCase()}${verb.slice(1)} ${noun} (${category} #${i})`;
  const description = `${title}: ${writes ? 'changes' : 'reads'} ${noun} for the ${category} workflow. Generated for load testing the catalogue.`;
  return {
    slug, title, description, category, ownerTeam: pick(TEAMS, Math.floor(i / 5)), riskLevel: risk, dataClassification: pick(CLASSES, Math.floor(i / 2)),
    readOnly: !writes, critical: risk === 'critical', destructive: false, idempotent: !writes, openWorld: category === 'network',
    dataRead: [noun], dataWritten: writes ? [noun] : [], requiredScopes: [`${noun}:${writes ? 'write' : 'read'}`],
    tags: [category, writes ? 'write' : 'read-only', noun], lifecycle: i % 17 === 0 ? ('deprecated' as const) : ('published' as const),
  };
}

export async function seedBulkTools(db: PrismaClient, count: number): Promise<number> {
  const specs = Array.from({ length: count }, (_, i) => bulkToolSpec(i + 1));
  const existing = new Set((await db.tool.findMany({ where: { slug: { startsWith: 'bulk_' } }, select: { slug: true } })).map((t) => t.slug));
  const missing = specs.filter((s) => !existing.has(s.slug));
  if (!missing.length) return 0;
  const rows = missing.map((s) => ({ ...s, id: randomUUID(), kind: 'http_declarative' as const, servedVersion: 1 }));
  const versions = rows.map((t) => {
    const def: ToolDefinitionView = {
      name: t.slug, description: t.description,
      inputSchema: { type: 'object', properties: { query: { type: 'string', minLength: 1, maxLength: 500 } }, required: ['query'], additionalProperties: false },
      outputSchema: { type: 'object', properties: { result: { type: 'object' } }, required: ['result'] },
      annotations: { title: t.title, readOnlyHint: t.readOnly, destructiveHint: t.destructive, idempotentHint: t.idempotent, openWorldHint: t.openWorld },
    };
    return {
      toolId: t.id, version: 1, status: 'approved' as const, name: def.name, description: def.description, inputSchema: def.inputSchema as object,
      outputSchema: def.outputSchema as object, annotations: def.annotations as object, definitionHash: definitionHash(def), changeNote: 'Generated (SEED_BULK_TOOLS)',
    };
  });
  // Thousands of rows: minutes on a busy machine, not the default 5 s.
  await db.$transaction([db.tool.createMany({ data: rows }), db.toolVersion.createMany({ data: versions })], { maxWait: 60_000, timeout: 300_000 });
  return rows.length;
}
