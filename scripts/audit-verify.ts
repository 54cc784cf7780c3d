// npm run audit:verify — recomputes the audit hash chain (works while the server runs, on both databases: the
// embedded one through its published port), prints "verified N events up to seq S (…)" or the first changed, missing
// or reordered event, records the run for the Audit page, and exits non-zero on failure.
import { auditSigningKey } from '@/lib/server/audit-chain/signing';
import { recordVerification, verifyAuditChain } from '@/lib/server/audit-chain/verify';
import { disconnectDb, getPgPool } from '@/lib/server/db/client';

async function main(): Promise<boolean> {
  const pool = await getPgPool();
  const result = await verifyAuditChain(pool, auditSigningKey());
  await recordVerification(pool, result);
  console.log(result.ok ? result.message : `audit chain verification FAILED: ${result.message}`);
  return result.ok;
}

main()
  .then(async (ok) => {
    await disconnectDb();
    process.exit(ok ? 0 : 1);
  })
  .catch(async (e: unknown) => {
    console.error(`[audit:verify] ${e instanceof Error ? e.message : String(e)}`);
    await disconnectDb().catch(() => undefined);
    process.exit(2);
  });
