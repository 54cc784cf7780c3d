import 'server-only';
// sql_query: one read-only SELECT on the calling tenant's dataset (schema ds_<slug>), within its data scopes.
//
// Layers, each enough on its own for the common cases and together for the rest:
//  1. sql-guard.ts: exactly one SELECT/WITH statement; no functions that switch role/settings or run SQL text,
//     no catalogs, no other schema, no SELECT INTO / FOR UPDATE, no $n parameters.
//  2. The grants of ds_<slug>_reader equal the caller's data scopes: verified in the query's transaction under a
//     shared lock (so they cannot change mid-query), re-synced and retried when they differ.
//  3. A transaction: SET TRANSACTION READ ONLY, SET LOCAL statement_timeout (the tool's time limit),
//     SET LOCAL search_path to the tenant schema, SET LOCAL ROLE ds_<slug>_reader; always rolled back.
//  4. The statement is run as a sub-select (SELECT row_to_json(q) FROM (<sql>) q LIMIT maxRows+1), so it cannot
//     end early or add a statement; results come back as JSON text, so every PostgreSQL type is JSON-safe
//     (numbers beyond 15 significant digits stay strings, timestamps are ISO strings).
// Embedded database (PGlite): statement_timeout is not enforced there; the call still stops at ctx.signal.
import type { z } from 'zod';
import type { ZSqlQueryInput, ZSqlQueryOutput } from '@/lib/schemas/builtin-tools';
import { DATA_SCOPES } from '@/lib/schemas/tenant-policy';
import { datasetSchema } from '@/lib/server/seed/dataset';
import { grantsMatch, readerRole, readGrantState, syncDatasetGrants } from './dataset-grants';
import { inTransaction, pgError, raceAbort } from './shared';
import { checkReadOnlySql } from './sql-guard';
import { ToolRefusal, type ToolContext, type ToolExecutor } from './types';
import type { Prisma } from '@/lib/generated/prisma/client';
import { getDbState } from '@/lib/server/db/client';

export { syncDatasetGrants };

type Input = z.output<typeof ZSqlQueryInput>;
type Output = z.output<typeof ZSqlQueryOutput>;

/** Room kept in the output budget for the envelope (columns, counts). */
const ENVELOPE_BYTES = 2048;

class Rollback<T> {
  constructor(readonly value: T) {}
}

/** JSON.parse, keeping numbers that a double cannot hold exactly (bigint, large numeric) as strings. */
export function parseJsonSafe(text: string): unknown {
  const guarded = text.replace(/"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g, (tok) => {
    if (tok.startsWith('"')) return tok;
    const digits = tok.replace(/^-/, '').replace(/[eE].*$/, '').replace('.', '').replace(/^0+/, '');
    return digits.length > 15 ? `"${tok}"` : tok;
  });
  return JSON.parse(guarded);
}

function refusalFor(e: unknown, schema: string, scopes: readonly string[], timeoutMs: number): unknown {
  if ((e as { code?: unknown })?.code === 'P2028') return new ToolRefusal('TIMEOUT', `The query did not finish within the time limit (${timeoutMs} ms).`);
  const pg = pgError(e);
  if (!pg) return e;
  const allowed = scopes.length ? scopes.join(', ') : 'none';
  const m = pg.message;
  switch (pg.code) {
    case '42501': {
      const what = /permission denied for (table|view|relation|schema|function|sequence) (\S+)/.exec(m);
      if (what?.[1] === 'schema') return new ToolRefusal('SCOPE_DENIED', `Schema "${what[2]}" is outside this tenant's dataset; sql_query reads only ${schema} (tables in scope: ${allowed}).`);
      if (what && what[1] !== 'function') return new ToolRefusal('SCOPE_DENIED', `Table "${what[2]}" is outside this tenant's data scopes (tables in scope: ${allowed}).`);
      return new ToolRefusal('SCOPE_DENIED', `Not allowed in sql_query: ${m}.`);
    }
    case '42P01': {
      const rel = /relation "([^"]+)" does not exist/.exec(m)?.[1] ?? '?';
      return new ToolRefusal('INVALID', `Table "${rel}" does not exist in this tenant's dataset (tables: ${DATA_SCOPES.join(', ')}; in scope: ${allowed}).`);
    }
    case '25006':
      return new ToolRefusal('SCOPE_DENIED', `sql_query is read-only: ${m}.`);
    case '57014':
      return new ToolRefusal('TIMEOUT', `The query was cancelled at the statement time limit (${timeoutMs} ms).`);
    default:
      if (/^(42|22|2F|39|0A|54|21)/.test(pg.code)) return new ToolRefusal('INVALID', `The query failed: ${m} (SQLSTATE ${pg.code}).`);
      return new ToolRefusal('UPSTREAM', `The query failed: ${m} (SQLSTATE ${pg.code}).`);
  }
}

/**
 * When the call is abandoned (client gone, timeout), its query must not run on: the backend running it is
 * cancelled from another connection (pg_cancel_backend). Not on the embedded database, whose connections share one
 * backend (its queries end with the transaction). Returns the listener's remover.
 */
async function cancelOnAbort(tx: Prisma.TransactionClient, db: ToolContext['db'], signal: AbortSignal): Promise<() => void> {
  if ((await getDbState()).target.embedded) return () => undefined;
  const [row] = await tx.$queryRawUnsafe<{ pid: number }[]>('SELECT pg_backend_pid() AS pid');
  const pid = row?.pid;
  if (!pid) return () => undefined;
  const cancel = () => void db.$queryRawUnsafe('SELECT pg_cancel_backend($1)', pid).catch((e: unknown) => console.warn(`[sql_query] could not cancel backend ${pid}`, e));
  if (signal.aborted) cancel();
  signal.addEventListener('abort', cancel, { once: true });
  return () => signal.removeEventListener('abort', cancel);
}

export const sqlQuery: ToolExecutor<Input, Output> = {
  slug: 'sql_query',
  effect: 'none',
  internalRead: true,
  async execute(ctx, input) {
    const schema = datasetSchema(ctx.tenant.slug);
    const role = readerRole(ctx.tenant.slug);
    const scopes = ctx.policy.dataScopes.filter((s) => (DATA_SCOPES as readonly string[]).includes(s));
    const checked = checkReadOnlySql(input.sql, schema);
    if (scopes.length === 0) throw new ToolRefusal('SCOPE_DENIED', `No tables are in this tenant's data scopes; an administrator grants them in the tenant policy (${DATA_SCOPES.join(', ')}).`);
    const limit = input.maxRows + 1;
    const statementMs = Math.max(100, Math.floor(ctx.timeoutMs));
    let result: { columns: string[]; rows: string[] } | null = null;
    const abortHook: { remove?: () => void } = {};
    for (let attempt = 1; result === null; attempt++) {
      const work = inTransaction(ctx.db, async (tx) => {
        await tx.$executeRawUnsafe('SET TRANSACTION READ ONLY');
        // The grants must equal the caller's scopes, and cannot change while the query runs (syncDatasetGrants takes
        // this lock exclusively). When they differ, the transaction ends, the grants are synced, and we start over.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock_shared(hashtext('dataset_grants'), hashtext(${ctx.tenant.slug}))`;
        const state = await readGrantState(tx, ctx.tenant.slug);
        if (!state.schemaExists) throw new ToolRefusal('NOT_CONFIGURED', `Tenant "${ctx.tenant.slug}" has no dataset (schema ${schema} does not exist).`);
        if (!grantsMatch(state, scopes)) throw new Rollback(null);
        await tx.$executeRawUnsafe(`SET LOCAL statement_timeout = ${statementMs}`);
        abortHook.remove = await cancelOnAbort(tx, ctx.db, ctx.signal);
        await tx.$executeRawUnsafe(`SET LOCAL lock_timeout = ${statementMs}`);
        await tx.$executeRawUnsafe(`SET LOCAL search_path = "${schema}"`);
        await tx.$executeRawUnsafe(`SET LOCAL ROLE "${role}"`);
        const cols = await tx.$queryRawUnsafe<{ k: string }[]>(
          `SELECT json_object_keys(row_to_json(u)) AS k FROM (SELECT q.* FROM (SELECT 1) AS d LEFT JOIN (SELECT * FROM (\n${checked.sql}\n) AS s LIMIT 0) AS q ON true) AS u`,
        );
        const rows = await tx.$queryRawUnsafe<{ r: string }[]>(`SELECT row_to_json(q)::text AS r FROM (\n${checked.sql}\n) AS q LIMIT ${limit}`);
        throw new Rollback({ columns: cols.map((c) => c.k), rows: rows.map((x) => x.r) });
      }, { timeoutMs: ctx.timeoutMs });
      try {
        await raceAbort(work, ctx.signal, 'the SQL query');
        throw new Error('unreachable: the read-only transaction always rolls back');
      } catch (e) {
        abortHook.remove?.();
        if (e instanceof ToolRefusal) throw e;
        if (!(e instanceof Rollback)) throw refusalFor(e, schema, scopes, statementMs);
        result = e.value as { columns: string[]; rows: string[] } | null;
      }
      if (result === null) {
        if (attempt >= 3) throw new ToolRefusal('UPSTREAM', 'The data scopes of this tenant kept changing during the query; try again.');
        await raceAbort(syncDatasetGrants(ctx.db, ctx.tenant.slug, scopes), ctx.signal, 'updating the dataset grants');
      }
    }

    const budget = Math.max(1024, ctx.maxOutputBytes - ENVELOPE_BYTES - Buffer.byteLength(JSON.stringify(result.columns)));
    const rows: Record<string, unknown>[] = [];
    let bytes = 0;
    let truncated = result.rows.length > input.maxRows;
    for (const text of result.rows.slice(0, input.maxRows)) {
      bytes += Buffer.byteLength(text) + 1;
      if (bytes > budget) {
        truncated = true;
        break;
      }
      rows.push(parseJsonSafe(text) as Record<string, unknown>);
    }
    const touched = DATA_SCOPES.filter((t) => checked.identifiers.has(t)).map((t) => `${schema}.${t}`);
    return {
      output: { columns: result.columns, rows, rowCount: rows.length, truncated },
      effects: { resourcesTouched: touched },
    };
  },
};
