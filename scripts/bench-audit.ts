// npm run bench:audit — audit search and export at scale. A benchmark, not a test: it prints figures and never fails
// on them (goals: search p95 under 150 ms; export of 1,000,000 rows in constant memory).
//
// It creates a fresh PostgreSQL database (migrated, demo seed) on TEST_DATABASE_URL's server, adds BENCH_ROWS audit
// events with one INSERT … SELECT generate_series (spread over 90 days, every demo tenant, 200 agent tokens, 12 tools,
// realistic outcomes and touched resources) into the migrated schema (its search indexes included), then times typical searches
// through the services the portal and the REST API call (each a first page of 50 plus its capped count), and a full
// export streamed as CSV, sampling the process's RSS meanwhile. The database is dropped at the end.
//
//   TEST_DATABASE_URL  server to create the database on (default postgresql://postgres@127.0.0.1:5432/test)
//   BENCH_ROWS         events to seed (default 1000000)
//   BENCH_RUNS         timed runs per search (default 40, after 3 warm-up runs)
//   BENCH_KEEP=1       keep the database (its URL is printed)
import pg from 'pg';

const ROWS = Math.max(1_000, Number(process.env.BENCH_ROWS || 1_000_000));
const RUNS = Math.max(5, Number(process.env.BENCH_RUNS || 40));
process.env.TEST_DB_KIND = 'postgres';
process.env.TEST_DATABASE_URL ||= 'postgresql://postgres@127.0.0.1:5432/test';
process.env.SECRETS_MASTER_KEYS ||= 'bench1:' + Buffer.alloc(32, 9).toString('base64');
process.env.SEED_DEMO = '1';
// The hash-chain sealer (another concern, with its own figures) stays off: these figures are the search's and export's.
process.env.AUDIT_SEALER_DISABLED = '1';

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
const ms = (n: number) => `${n.toFixed(1)} ms`;
const mib = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MiB`;

const SEED_SQL = (rows: number) => `
WITH t AS (SELECT array_agg(id ORDER BY slug) AS ids, array_agg(slug ORDER BY slug) AS slugs FROM "Tenant"),
     g AS (SELECT i, (i % 7) AS tk, (i % 12) AS tool, ((i::bigint * 7919) % 100)::int AS o FROM generate_series(1, ${rows}) AS i)
INSERT INTO "AuditEvent" ("id", "requestId", "tenantId", "actorKind", "actorId", "actorLabel", "via", "action", "resourceType",
  "resourceId", "toolSlug", "toolVersion", "outcome", "errorCode", "latencyMs", "costMicros", "inputBytes", "outputBytes", "details",
  "resourcesTouched", "ip", "createdAt")
SELECT 'bench-' || lpad(g.i::text, 8, '0'),
  (md5('req' || (g.i / 2)))::uuid::text,
  t.ids[1 + g.tk % array_length(t.ids, 1)],
  CASE WHEN g.i % 5 = 0 THEN 'user' ELSE 'agent' END,
  CASE WHEN g.i % 5 = 0 THEN 'user-' || (g.i % 40) ELSE 'tok-' || (g.i % 200) END,
  CASE WHEN g.i % 5 = 0 THEN 'user' || (g.i % 40) || '@example.com' ELSE 'token:agent-' || (g.i % 200) END,
  CASE WHEN g.i % 5 = 0 THEN 'portal' ELSE 'mcp' END,
  CASE WHEN g.i % 5 = 0 THEN (ARRAY['tool_request.approved','activation.changed','approval.decided','agent_token.created'])[1 + g.i % 4] ELSE 'tool.called' END,
  CASE WHEN g.i % 5 = 0 THEN 'tool_request' ELSE 'tool' END,
  CASE WHEN g.i % 5 = 0 THEN 'req-' || (g.i % 5000) ELSE 'tool-' || g.tool END,
  CASE WHEN g.i % 5 = 0 THEN NULL ELSE 'tool-' || g.tool END,
  CASE WHEN g.i % 5 = 0 THEN NULL ELSE 1 + g.i % 3 END,
  (CASE WHEN g.o < 90 THEN 'success' WHEN g.o < 95 THEN 'denied' WHEN g.o < 99 THEN 'error' ELSE 'pending_approval' END)::"AuditOutcome",
  CASE WHEN g.o >= 90 AND g.o < 95 THEN 'FORBIDDEN' WHEN g.o >= 95 AND g.o < 99 THEN (ARRAY['TIMEOUT','UPSTREAM','VALIDATION'])[1 + g.i % 3] END,
  5 + (g.i * 31) % 900, (g.i * 13) % 2000, 100 + g.i % 900, 200 + g.i % 5000,
  jsonb_build_object('arguments', jsonb_build_object('invoiceId', g.i % 100000, 'note', 'benchmark row'), 'redactions', '{}'::jsonb),
  ARRAY['ds_' || t.slugs[1 + g.tk % array_length(t.slugs, 1)] || '.invoices:' || (g.i % 100000)],
  '10.0.' || (g.i % 250) || '.' || (g.i % 200),
  now()::timestamp - ((${rows} - g.i) * (interval '90 days' / ${rows}))
FROM g, t`;

async function main(): Promise<void> {
  const { createTestDatabase } = await import('@/lib/testing/test-database');
  const t0 = performance.now();
  const tdb = await createTestDatabase();
  process.env.DATABASE_URL = tdb.url;
  console.log(`database ${tdb.url} ready in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const client = new pg.Client({ connectionString: tdb.url });
  await client.connect();
  try {
    let t = performance.now();
    await client.query(SEED_SQL(ROWS));
    console.log(`seeded ${ROWS.toLocaleString('en-US')} events in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    t = performance.now();
    await client.query('ANALYZE "AuditEvent"');
    console.log(`analysed in ${((performance.now() - t) / 1000).toFixed(1)} s (the search indexes come with the migrations)`);
    await run(client);
  } finally {
    await client.end();
    const { disconnectDb } = await import('@/lib/server/db/client');
    await disconnectDb();
    if (process.env.BENCH_KEEP === '1') console.log(`kept ${tdb.url}`);
    else await tdb.teardown();
  }
}

async function run(client: pg.Client): Promise<void> {
  const { actorFor } = await import('@/lib/testing/actors');
  const { ZFindAuditEventsInput, ZAuditExportInput } = await import('@/lib/schemas/audit');
  const { findAuditEvents } = await import('@/lib/services/audit/find-audit-events');
  const { exportAuditEvents } = await import('@/lib/services/audit/export-audit-events');
  const auditor = await actorFor('auditor@example.com');
  const acmeAdmin = await actorFor('tenant-admin@acme.example');
  const { rows: requestIds } = await client.query<{ r: string }>(`SELECT "requestId" AS r FROM "AuditEvent" WHERE "id" LIKE 'bench-%' ORDER BY random() LIMIT ${RUNS + 3}`);
  const day = 86_400_000;
  let k = 0;
  const pick = <T>(xs: T[]) => xs[k++ % xs.length]!;
  const window = () => {
    const end = Date.now() - (k++ % 80) * day;
    return { from: new Date(end - 7 * day).toISOString(), to: new Date(end).toISOString() };
  };
  const searches: [string, () => Record<string, unknown>, typeof auditor][] = [
    ['tenant admin, no filter (newest 50)', () => ({}), acmeAdmin],
    ['auditor: tenant + 7-day range', () => ({ tenant: 'acme', ...window() }), auditor],
    ['tenant admin: 7-day range + outcome=error', () => ({ outcome: 'error', ...window() }), acmeAdmin],
    ['free text: full request id', () => ({ q: pick(requestIds).r }), auditor],
    ['free text: request id prefix (8 chars)', () => ({ q: pick(requestIds).r.slice(0, 8) }), auditor],
    ['free text: actor label prefix', () => ({ q: `token:agent-1${k++ % 10}` }), auditor],
    ['by actor (token label)', () => ({ actor: `token:agent-${k++ % 200}` }), auditor],
    ['by actor + tenant admin scope', () => ({ actor: `token:agent-${k++ % 200}` }), acmeAdmin],
    ['by resource id (touched)', () => ({ resource: `ds_acme.invoices:${(k++ * 7) % 100000}` }), auditor],
    ['by error code', () => ({ errorCode: 'TIMEOUT' }), auditor],
  ];
  console.log(`\nsearch (first page of 50 + count capped at 10,000), ${RUNS} runs each:`);
  for (const [label, params, actor] of searches) {
    const times: number[] = [];
    let matches = '';
    for (let i = 0; i < RUNS + 3; i++) {
      const t = performance.now();
      const page = await findAuditEvents({ actor, query: ZFindAuditEventsInput.parse({ limit: 50, ...params() }) });
      if (i >= 3) times.push(performance.now() - t);
      matches = `${page.count.value.toLocaleString('en-US')}${page.count.atLeast ? '+' : ''}`;
    }
    times.sort((a, b) => a - b);
    console.log(`  ${label.padEnd(44)} p50 ${ms(pct(times, 50)).padStart(9)}  p95 ${ms(pct(times, 95)).padStart(9)}  (last: ${matches} matches)`);
  }

  // Deep keyset pages: page 200 costs what page 2 costs.
  let cursor: string | undefined;
  const pageTimes: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t = performance.now();
    const page = await findAuditEvents({ actor: auditor, query: ZFindAuditEventsInput.parse({ limit: 50, cursor }) });
    pageTimes.push(performance.now() - t);
    cursor = page.nextCursor ?? undefined;
  }
  console.log(`  keyset pages 1-200 (auditor, no filter): page 1 ${ms(pageTimes[0]!)}, page 200 ${ms(pageTimes.at(-1)!)}, p95 ${ms(pct([...pageTimes].sort((a, b) => a - b), 95))}`);

  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const t = performance.now();
  const file = await exportAuditEvents({ actor: auditor, query: ZAuditExportInput.parse({ format: 'csv' }) });
  const reader = file.body.getReader();
  let bytes = 0;
  let lines = 0;
  // RSS at each tenth of the rows: flat figures mean memory does not grow with the export's size.
  const marks: string[] = [];
  let nextMark = Math.ceil(ROWS / 10);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    for (let i = 0; i < value.length; i++) if (value[i] === 10) lines++;
    if (lines >= nextMark) {
      marks.push(mib(process.memoryUsage().rss));
      nextMark += Math.ceil(ROWS / 10);
    }
  }
  const seconds = (performance.now() - t) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const rows = lines - 1;
  console.log(`\nexport (CSV, every event, auditor): ${rows.toLocaleString('en-US')} rows, ${mib(bytes)} in ${seconds.toFixed(1)} s = ${Math.round(rows / seconds).toLocaleString('en-US')} rows/s`);
  console.log(`  RSS before ${mib(rssBefore)}, peak during the export ${mib(peak)} (+${mib(peak - rssBefore)})`);
  console.log(`  RSS after each tenth of the rows: ${marks.join(', ')}`);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
