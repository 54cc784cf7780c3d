// npm run secrets:rotate [-- --batch-size 100]
// Re-encrypts every tenant secret, and the arguments of every held call (approvals, history included), under the
// current primary master key (the first entry of SECRETS_MASTER_KEYS), one transaction per batch. Keep the old key in
// SECRETS_MASTER_KEYS (after the new one) until this has run. Prints counts, never values. Idempotent: a second run
// rotates nothing. Exit code 1 when a value could not be decrypted (its key id is not configured any more).
import { parseArgs } from 'node:util';
import { disconnectDb } from '@/lib/server/db/client';
import { rotateSecrets } from '@/lib/services/secrets/rotate-secrets';

async function main(): Promise<number> {
  const { values } = parseArgs({ args: process.argv.slice(2).filter((a) => a !== '--'), options: { 'batch-size': { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true });
  if (values.help) {
    console.log('Usage: npm run secrets:rotate [-- --batch-size N]');
    return 0;
  }
  const batchSize = values['batch-size'] ? Number(values['batch-size']) : 100;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) throw new Error('--batch-size must be a whole number between 1 and 10000.');
  const r = await rotateSecrets({ batchSize });
  console.log(`Primary key: ${r.primaryKeyId}`);
  const a = r.approvals;
  console.log(`Secrets: ${r.total} total, ${r.rotated} re-encrypted in ${r.batches} batch(es), ${r.alreadyCurrent} already under the primary key, ${r.failed.length} failed.`);
  for (const f of r.failed) console.error(`  failed secret ${f.id} (key ${f.keyId}): ${f.reason}`);
  console.log(`Approval arguments: ${a.total} total, ${a.rotated} re-encrypted in ${a.batches} batch(es), ${a.alreadyCurrent} already under the primary key, ${a.failed.length} failed.`);
  console.log(`Approval webhook signing secrets re-encrypted: ${r.webhookSecretsRotated}.`);
  for (const f of a.failed) console.error(`  failed approval ${f.id} (key ${f.keyId}): ${f.reason}`);
  return r.failed.length + a.failed.length > 0 ? 1 : 0;
}

main()
  .then(async (code) => {
    await disconnectDb();
    process.exit(code);
  })
  .catch(async (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    await disconnectDb().catch(() => undefined);
    process.exit(1);
  });
