import 'server-only';
// For the executors of upstream MCP and declarative HTTP tools only (inside the /mcp pipeline and discovery): the
// trusted internal host patterns that apply to a tenant (platform-wide ones plus its own). Never for http_fetch.
import { getDb } from '@/lib/server/db/client';

export async function findTrustedPatterns(tenantId: string | null): Promise<string[]> {
  const db = await getDb();
  const rows = await db.trustedHost.findMany({
    where: tenantId ? { OR: [{ tenantId: null }, { tenantId }] } : { tenantId: null },
    select: { pattern: true },
    orderBy: { pattern: 'asc' },
  });
  return [...new Set(rows.map((r) => r.pattern))];
}
