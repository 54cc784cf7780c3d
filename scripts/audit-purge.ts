// npm run audit:purge [-- --tenant <slug>] — deletes audit events older than each tenant's retention
// (TenantPolicy.auditRetentionDays, default 365) up to the last signed checkpoint before the cut; audited.
import { parseArgs } from 'node:util';
import type { Actor } from '@/lib/policy';
import { checkpointNow, sealAll } from '@/lib/server/audit-chain/sealer';
import { disconnectDb, getDb, getPgPool } from '@/lib/server/db/client';
import { purgeAuditEvents } from '@/lib/services/audit/purge-audit-events';

const SYSTEM: Actor = { kind: 'system', id: 'audit-purge', label: 'audit:purge', tenantId: null, teamIds: [], roles: [], via: 'cli', ip: null };

async function main() {
  const { values } = parseArgs({ options: { tenant: { type: 'string' } }, strict: true });
  const db = await getDb();
  const tenants = await db.tenant.findMany({ where: values.tenant ? { slug: values.tenant } : {}, select: { id: true, slug: true } });
  if (values.tenant && tenants.length === 0) throw new Error(`Unknown tenant "${values.tenant}".`);
  // Expired events must be sealed and covered by a checkpoint before they can go.
  const pool = await getPgPool();
  await sealAll(pool);
  await checkpointNow(pool);
  for (const t of tenants) {
    const r = await purgeAuditEvents({ actor: SYSTEM, tenantId: t.id });
    console.log(`${t.slug}: ${r.deleted} event(s) older than ${r.retentionDays} days purged${r.anchorSeq ? ` (anchor: checkpoint at seq ${r.anchorSeq})` : ''}`);
  }
}

main()
  .then(() => disconnectDb())
  .catch(async (e: unknown) => {
    console.error(`[audit:purge] ${e instanceof Error ? e.message : String(e)}`);
    await disconnectDb().catch(() => undefined);
    process.exit(1);
  });
