import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ZSqlQueryInput, ZSqlQueryOutput } from '@/lib/schemas/builtin-tools';
import type { PrismaClient } from '@/lib/server/db/client';
import { LOCK_RACES_TESTABLE, seededToolContexts } from '@/lib/testing/tool-context';
import { pgError } from './shared';
import { readerRole, readGrantState } from './dataset-grants';
import { sqlQuery, syncDatasetGrants } from './sql-query';
import { ToolRefusal, type ToolContext } from './types';

const CONCURRENT = LOCK_RACES_TESTABLE;

let db: PrismaClient;
let acme: ToolContext, globex: ToolContext;
beforeAll(async () => {
  ({ db, acme, globex } = await seededToolContexts());
});

const run = async (ctx: ToolContext, sql: string, maxRows?: number) => ZSqlQueryOutput.parse((await sqlQuery.execute(ctx, ZSqlQueryInput.parse({ sql, maxRows }))).output);
async function refused(ctx: ToolContext, sql: string): Promise<ToolRefusal> {
  const e = await sqlQuery.execute(ctx, ZSqlQueryInput.parse({ sql })).then(() => null, (x: unknown) => x);
  expect(e, `expected a refusal for ${sql}, got ${String(e)}`).toBeInstanceOf(ToolRefusal);
  return e as ToolRefusal;
}
/** Runs `sql` as the tenant's reader role directly (bypassing the static guard) and returns the SQLSTATE. */
async function asReader(slug: string, sql: string): Promise<string | null> {
  return db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SET LOCAL ROLE "${readerRole(slug)}"`);
    await tx.$queryRawUnsafe(sql);
    return null;
  }).catch((e: unknown) => pgError(e)?.code ?? String(e));
}

describe('sql_query reads the tenant dataset', () => {
  it('returns columns in order, rows and counts', async () => {
    const r = await run(acme, 'SELECT id, name, country FROM customers ORDER BY id LIMIT 3');
    expect(r.columns).toEqual(['id', 'name', 'country']);
    expect(r.rows).toHaveLength(3);
    expect(r.rows[0]).toEqual({ id: 1, name: expect.any(String), country: expect.stringMatching(/^[A-Z]{2}$/) });
    expect([r.rowCount, r.truncated]).toEqual([3, false]);
  });

  it('caps rows at maxRows and says so', async () => {
    const r = await run(acme, 'SELECT * FROM orders', 5);
    expect([r.rowCount, r.truncated]).toEqual([5, true]);
    const exact = await run(acme, 'SELECT * FROM orders LIMIT 5', 5);
    expect([exact.rowCount, exact.truncated]).toEqual([5, false]);
  });

  it('keeps the column names of an empty result (duplicates included)', async () => {
    const r = await run(acme, "SELECT id, email, 1 AS id FROM customers WHERE name = 'nobody'");
    expect(r).toEqual({ columns: ['id', 'email', 'id'], rows: [], rowCount: 0, truncated: false });
  });

  it('returns JSON-safe values for every type', async () => {
    const r = await run(acme, `SELECT 9007199254740993::bigint AS big, 42::bigint AS small, 12.50::numeric(12,2) AS amount,
      '2026-01-02T03:04:05Z'::timestamptz AS at, '2026-01-02'::date AS day, interval '1 day 2 hours' AS span, '{"a":[1,2]}'::jsonb AS doc,
      ARRAY[1,2] AS arr, NULL::text AS nothing, true AS yes, '\\x0102'::bytea AS bytes, 'line "one"\n' AS text`);
    const row = r.rows[0]!;
    expect(row.big).toBe('9007199254740993');
    expect([row.small, row.amount, row.day, row.doc, row.arr, row.nothing, row.yes, row.text]).toEqual([42, 12.5, '2026-01-02', { a: [1, 2] }, [1, 2], null, true, 'line "one"\n']);
    expect(typeof row.at).toBe('string');
    expect(new Date(row.at as string).toISOString()).toBe('2026-01-02T03:04:05.000Z');
    expect(typeof row.span).toBe('string');
    expect(row.bytes).toBe('\\x0102');
  });

  it('aggregates across the scoped tables and reports the tables touched', async () => {
    const res = await sqlQuery.execute(acme, ZSqlQueryInput.parse({ sql: 'SELECT o.status, count(*) AS n, sum(i.amount) AS total FROM orders o JOIN invoices i ON i.order_id = o.id GROUP BY o.status ORDER BY o.status' }));
    expect(res.output.columns).toEqual(['status', 'n', 'total']);
    expect(res.effects.resourcesTouched).toEqual(['ds_acme.orders', 'ds_acme.invoices']);
  });

  it('reads only its own tenant schema (same table names, different data)', async () => {
    const a = await run(acme, 'SELECT order_number, total FROM orders ORDER BY id LIMIT 5');
    const g = await run(globex, 'SELECT order_number, total FROM orders ORDER BY id LIMIT 5');
    expect(a.rows.map((x) => x.total)).not.toEqual(g.rows.map((x) => x.total));
  });
});

describe('sql_query refuses', () => {
  it('a table outside the data scopes, with the scopes in the message', async () => {
    const e = await refused(globex, 'SELECT * FROM customers');
    expect([e.code, e.message]).toEqual(['SCOPE_DENIED', 'Table "customers" is outside this tenant\'s data scopes (tables in scope: orders, invoices).']);
    const joined = await refused(globex, 'SELECT * FROM orders o JOIN customers c ON c.id = o.customer_id');
    expect(joined.code).toBe('SCOPE_DENIED');
  });

  it('platform tables, other tenants and writes', async () => {
    expect((await refused(acme, 'SELECT * FROM "User"')).message).toBe('Table "User" does not exist in this tenant\'s dataset (tables: customers, orders, invoices; in scope: customers, orders, invoices).');
    expect((await refused(acme, 'SELECT * FROM public."AgentToken"')).code).toBe('SCOPE_DENIED');
    expect((await refused(acme, 'SELECT * FROM ds_globex.customers')).code).toBe('SCOPE_DENIED');
    expect((await refused(acme, 'DELETE FROM customers')).code).toBe('INVALID');
    expect((await refused(acme, 'SELECT nope FROM customers')).message).toBe('The query failed: column "nope" does not exist (SQLSTATE 42703).');
    expect((await refused(acme, 'SELEC 1')).message).toMatch(/^Only SELECT/);
    expect((await refused(acme, 'SELECT 1/0')).message).toBe('The query failed: division by zero (SQLSTATE 22012).');
  });

  it('even past the static guard, the reader role cannot read the platform, other tenants or write', async () => {
    expect(await asReader('acme', 'SELECT * FROM public."User"')).toBe('42501');
    expect(await asReader('acme', 'SELECT * FROM ds_globex.orders')).toBe('42501');
    expect(await asReader('globex', 'SELECT * FROM ds_globex.customers')).toBe('42501');
    expect(await asReader('acme', 'UPDATE ds_acme.invoices SET amount = 0')).toBe('42501');
    expect(await asReader('acme', 'SELECT count(*) FROM ds_acme.invoices')).toBeNull();
  });

  it('follows scope changes at the next call (grants re-synced) and syncDatasetGrants is idempotent', async () => {
    const narrow = { ...acme, policy: { ...acme.policy, dataScopes: ['orders'] } };
    expect((await refused(narrow, 'SELECT count(*) FROM invoices')).code).toBe('SCOPE_DENIED');
    expect((await readGrantState(db, 'acme')).granted).toEqual(['orders']);
    expect((await run(acme, 'SELECT count(*) AS n FROM invoices')).rows[0]!.n).toBeGreaterThan(0);
    const state = await syncDatasetGrants(db, 'acme', ['customers', 'orders', 'invoices']);
    expect(state.granted).toEqual(['customers', 'invoices', 'orders']);
    const empty = { ...acme, policy: { ...acme.policy, dataScopes: [] } };
    expect((await refused(empty, 'SELECT 1')).message).toMatch(/^No tables are in this tenant's data scopes/);
  });

  it.runIf(CONCURRENT)('concurrent calls with different scopes each run under their own scopes', async () => {
    const narrow = { ...acme, policy: { ...acme.policy, dataScopes: ['orders'] } };
    const calls = Array.from({ length: 6 }, (_, i) => sqlQuery.execute(i % 2 ? narrow : acme, ZSqlQueryInput.parse({ sql: 'SELECT count(*) AS n FROM invoices' })));
    const results = await Promise.allSettled(calls);
    results.forEach((r, i) => {
      if (i % 2) expect(r.status === 'rejected' && (r.reason as ToolRefusal).code).toBe('SCOPE_DENIED');
      else expect(r.status === 'rejected' ? String(r.reason) + ' ' + JSON.stringify(r.reason) : 'fulfilled').toBe('fulfilled');
    });
    await syncDatasetGrants(db, 'acme', acme.policy.dataScopes);
  });

  it('a tenant without a dataset', async () => {
    const ghost = { ...acme, tenant: { ...acme.tenant, slug: 'no_such_tenant' } };
    const e = await refused(ghost, 'SELECT 1');
    expect([e.code, e.message]).toEqual(['NOT_CONFIGURED', 'Tenant "no_such_tenant" has no dataset (schema ds_no_such_tenant does not exist).']);
  });

  it.skipIf(process.env.TEST_DB_KIND !== 'postgres')('a query running past the statement time limit (PostgreSQL)', async () => {
    const e = await refused({ ...acme, timeoutMs: 200 }, 'SELECT count(*) FROM generate_series(1, 1000000000) g');
    expect([e.code, e.message]).toEqual(['TIMEOUT', 'The query was cancelled at the statement time limit (200 ms).']);
  });

  it('rejects promptly on abort: cancelled by the caller and timed out are told apart', async () => {
    const ac = new AbortController();
    ac.abort();
    expect((await refused({ ...acme, signal: ac.signal }, 'SELECT 1')).code).toBe('CANCELLED');
    expect((await refused({ ...acme, signal: AbortSignal.abort(new DOMException('time limit', 'TimeoutError')) }, 'SELECT 1')).code).toBe('TIMEOUT');
  });

  it.skipIf(process.env.TEST_DB_KIND !== 'postgres')('an abandoned call stops its query in the database (PostgreSQL)', async () => {
    const marker = `gs_${Date.now()}`;
    const sql = `SELECT count(*) AS ${marker} FROM generate_series(1, 5000000000) g`;
    const running = () => db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE state = 'active' AND query LIKE '%' || $1 || '%' AND query NOT LIKE '%pg_stat_activity%'`, marker).then((r) => r[0]!.n);
    const ac = new AbortController();
    const call = refused({ ...acme, timeoutMs: 120_000, signal: ac.signal }, sql);
    await vi.waitFor(async () => expect(await running()).toBe(1), { timeout: 10_000, interval: 20 });
    ac.abort();
    expect((await call).code).toBe('CANCELLED');
    // Long before its 120 s statement limit, the backend stopped running it.
    await vi.waitFor(async () => expect(await running()).toBe(0), { timeout: 10_000, interval: 20 });
  });
});

describe('inside a caller transaction', () => {
  it('runs in a savepoint and leaves the transaction writable, with its own role', async () => {
    // Repeatable read: both counts see one snapshot even while other test files add customers to acme's dataset.
    const who = await db.$transaction(async (tx) => {
      const [{ n }] = await tx.$queryRawUnsafe<[{ n: number }]>('SELECT count(*)::int AS n FROM ds_acme.customers');
      const r = await run({ ...acme, db: tx }, 'SELECT count(*) AS n FROM customers');
      expect(r.rows[0]!.n).toBe(n);
      const [me] = await tx.$queryRawUnsafe<{ u: string; ro: string }[]>("SELECT current_user AS u, current_setting('transaction_read_only') AS ro");
      return me;
    }, { isolationLevel: 'RepeatableRead' });
    expect(who).toEqual({ u: expect.not.stringMatching(/_reader$/), ro: 'off' });
  });
});
