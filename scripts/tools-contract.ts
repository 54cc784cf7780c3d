// npm run tools:contract [-- --tenant acme] [-- --database-url URL]
// Runs every built-in tool's contract examples (lib/services/contracts/builtin-examples.ts, stored on each served
// version by the seed) through the call pipeline's steps (mcp-server/contracts/run-contract.ts) against a test
// database: by default a fresh, migrated and seeded one (TEST_DB_KIND=pglite, or postgres with TEST_DATABASE_URL),
// dropped afterwards. Each run is recorded (ContractRun, audited). Exits 1 when any example fails.
import { generateKeyPairSync } from 'node:crypto';
import { parseArgs } from 'node:util';
import { BUILTIN_TOOLS } from '@/lib/schemas/builtin-tools';
import { createTestDatabase, type TestDatabase } from '@/lib/testing/test-database';

const USAGE = 'Usage: npm run tools:contract [-- --tenant <slug>] [-- --database-url <postgresql://…>]';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { tenant: { type: 'string', default: 'acme' }, 'database-url': { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true });
  if (values.help) return void console.log(USAGE), 0;
  // The seed encrypts demo secrets: a throwaway key when none is configured (the database is a test one).
  process.env.SECRETS_MASTER_KEYS ??= `ci:${Buffer.alloc(32, 9).toString('base64')}`;
  // The audit sealer signs checkpoints of the records the runs write: a throwaway key for a throwaway database.
  if (!values['database-url']) process.env.AUDIT_SIGNING_KEY ??= generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  let tdb: TestDatabase | null = null;
  if (values['database-url']) process.env.DATABASE_URL = values['database-url'];
  else {
    tdb = await createTestDatabase();
    process.env.DATABASE_URL = tdb.url;
    console.log(`tools:contract: fresh ${tdb.kind} test database, migrated and seeded`);
  }
  // Imported once DATABASE_URL points at the test database (the client reads it on first use).
  const { disconnectDb, getDb } = await import('@/lib/server/db/client');
  const { runContractExamples } = await import('@/mcp-server/contracts/run-contract');
  const { recordContractRun } = await import('@/lib/services/contracts/record-contract-run');
  try {
    const db = await getDb();
    const tenant = await db.tenant.findUnique({ where: { slug: values.tenant }, select: { id: true } });
    if (!tenant) throw new Error(`Unknown tenant "${values.tenant}".`);
    const actor = { kind: 'system' as const, id: 'tools-contract', label: 'ci:tools:contract', tenantId: null, teamIds: [], roles: [], via: 'cli' as const, ip: null };
    let failed = 0;
    for (const t of BUILTIN_TOOLS) {
      const tool = await db.tool.findUniqueOrThrow({ where: { slug: t.slug }, select: { servedVersion: true, versions: { select: { id: true, version: true } } } });
      const version = tool.versions.find((v) => v.version === tool.servedVersion);
      if (!version) throw new Error(`${t.slug} has no served version ${tool.servedVersion}.`);
      const results = await runContractExamples(db, version.id, tenant.id);
      const run = await recordContractRun({ actor, versionId: version.id, tenantId: tenant.id, results });
      console.log(`${run.passed ? 'PASS' : 'FAIL'} ${t.slug} v${run.version}: ${run.total - run.failed}/${run.total}`);
      for (const r of results) {
        console.log(`  ${r.status.padEnd(7)} ${r.name} (${r.latencyMs} ms)`);
        for (const p of r.problems) console.log(`          ${p}`);
      }
      if (!run.passed) failed++;
    }
    console.log(failed ? `tools:contract: ${failed} built-in tool(s) broke their contract.` : `tools:contract: all ${BUILTIN_TOOLS.length} built-in tools keep their contract.`);
    return failed ? 1 : 0;
  } finally {
    await disconnectDb();
    await tdb?.teardown();
  }
}

main().then((code) => process.exit(code), (e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
