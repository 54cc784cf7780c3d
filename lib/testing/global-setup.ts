// Vitest global setup for integration tests: one fresh, migrated, seeded database per run,
// handed to the test workers through DATABASE_URL.
import { generateKeyPairSync } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from './test-database';

let tdb: TestDatabase | null = null;

export async function setup(): Promise<void> {
  // Before the seed: it encrypts the demo approvals' arguments with this key, which the workers then use.
  process.env.SECRETS_MASTER_KEYS ??= 'test1:' + Buffer.alloc(32, 7).toString('base64');
  // One audit signing key for every test file (they share the database, so its checkpoints).
  process.env.AUDIT_SIGNING_KEY ??= generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  tdb = await createTestDatabase();
  process.env.DATABASE_URL = tdb.url;
  process.env.SEED_DEMO = '1';
  console.log(`[integration] ${tdb.kind} database ready`);
}

export async function teardown(): Promise<void> {
  await tdb?.teardown();
}
