import 'server-only';
// Export of the catalogue (same filters as the list, every page) as JSON or CSV. Registration records only:
// no secrets, no configuration.
import { toCsv } from '@/lib/catalogue/csv';
import { AppError } from '@/lib/errors';
import { assertCan, type Actor } from '@/lib/policy';
import type { TExportToolsInput } from '@/lib/schemas/catalogue';
import { getDb } from '@/lib/server/db/client';
import { enabledToolIds, toolOrderBy, toolWhere } from './shared';

const MAX_ROWS = 20_000;

export async function exportTools({ actor, format, ...filters }: TExportToolsInput & { actor: Actor }) {
  assertCan(actor, 'catalogue.read');
  if (filters.enabled && !actor.tenantId) throw new AppError('BAD_REQUEST', { userMessage: 'enabled: only a tenant member has tools enabled.' });
  const enabled = await enabledToolIds(actor);
  const db = await getDb();
  const rows = await db.tool.findMany({ where: toolWhere(filters, enabled, actor), orderBy: toolOrderBy(filters.sort), take: MAX_ROWS, include: { owner: { select: { email: true } } } });
  const records = rows.map((t) => ({
    name: t.slug, title: t.title, description: t.description, category: t.category, lifecycle: t.lifecycle, ownerTeam: t.ownerTeam,
    owner: t.owner?.email ?? null, riskLevel: t.riskLevel, dataClassification: t.dataClassification, dataRead: t.dataRead, dataWritten: t.dataWritten,
    requiredScopes: t.requiredScopes, readOnly: t.readOnly, critical: t.critical, destructive: t.destructive, idempotent: t.idempotent,
    openWorld: t.openWorld, auditLevel: t.auditLevel, timeoutMs: t.timeoutMs, maxInputBytes: t.maxInputBytes, maxOutputBytes: t.maxOutputBytes,
    sloP95Ms: t.sloP95Ms, sloSuccessRate: t.sloSuccessRate, tags: t.tags, servedVersion: t.servedVersion,
    enabledForMe: enabled ? enabled.has(t.id) : null, updatedAt: t.updatedAt.toISOString(),
  }));
  const stamp = new Date().toISOString().slice(0, 10);
  if (format === 'json') return { filename: `catalogue-${stamp}.json`, contentType: 'application/json; charset=utf-8', body: JSON.stringify({ tools: records, total: records.length }, null, 2) };
  const header = Object.keys(records[0] ?? { name: '' }) as (keyof (typeof records)[number])[];
  const fullHeader = records.length ? header : ['name', 'title', 'description', 'category', 'lifecycle', 'ownerTeam', 'owner', 'riskLevel', 'dataClassification'];
  return {
    filename: `catalogue-${stamp}.csv`, contentType: 'text/csv; charset=utf-8',
    body: toCsv(fullHeader as string[], records.map((r) => header.map((k) => r[k]))),
  };
}
