import { describe, expect, it } from 'vitest';
import { checkReadOnlySql, tokenize } from './sql-guard';
import { ToolRefusal } from './types';

const S = 'ds_acme';

function refusal(sql: string): ToolRefusal {
  try {
    checkReadOnlySql(sql, S);
  } catch (e) {
    expect(e).toBeInstanceOf(ToolRefusal);
    return e as ToolRefusal;
  }
  throw new Error(`accepted: ${sql}`);
}

describe('tokenize', () => {
  it('keeps strings, quoted names, dollar bodies and comments apart from code', () => {
    const t = tokenize(`SELECT 'a;b''c', E'\\';', "we""ird", $x$ ; DROP $x$ -- ; x\n /* /* ; */ */ 1`);
    expect(t.map((x) => `${x.kind}:${x.value}`)).toEqual(['word:select', "string:a;b''c", 'punct:,', "string:\\';", 'punct:,', 'quoted:we"ird', 'punct:,', 'string: ; DROP ', 'number:1']);
  });
});

describe('checkReadOnlySql accepts', () => {
  it.each([
    ['SELECT * FROM customers', 'SELECT * FROM customers'],
    ['select count(*) from orders;', 'select count(*) from orders'],
    ['WITH t AS (SELECT id FROM orders) SELECT * FROM t;  -- done', 'WITH t AS (SELECT id FROM orders) SELECT * FROM t'],
    ["SELECT 'drop; delete' AS s, \"update\" FROM invoices", "SELECT 'drop; delete' AS s, \"update\" FROM invoices"],
    ['(SELECT 1) UNION (SELECT 2)', '(SELECT 1) UNION (SELECT 2)'],
    ['SELECT pg_typeof(1), current_setting(\'TimeZone\')', "SELECT pg_typeof(1), current_setting('TimeZone')"],
    ['SELECT * FROM ds_acme.customers', 'SELECT * FROM ds_acme.customers'],
    ['SELECT status FROM orders GROUP BY status ORDER BY 1 FOR', 'SELECT status FROM orders GROUP BY status ORDER BY 1 FOR'],
  ])('%s', (sql, cut) => {
    expect(checkReadOnlySql(sql, S).sql).toBe(cut);
  });

  it('collects identifiers for the audit', () => {
    expect([...checkReadOnlySql('SELECT c.name FROM customers c JOIN orders o ON o.customer_id = c.id', S).identifiers]).toEqual(expect.arrayContaining(['customers', 'orders']));
  });
});

describe('checkReadOnlySql refuses', () => {
  it.each([
    ['', 'INVALID', 'The query is empty.'],
    [' ; ;', 'INVALID', 'The query is empty.'],
    ['-- only a comment', 'INVALID', 'The query is empty.'],
    ['SELECT 1; SELECT 2', 'INVALID', 'Only one statement is allowed (remove the ";" between statements).'],
    ['SELECT 1; DROP TABLE customers', 'INVALID', 'Only one statement is allowed (remove the ";" between statements).'],
    ['DELETE FROM customers', 'INVALID', 'Only SELECT (or WITH … SELECT) statements are allowed; DELETE is not (sql_query is read-only).'],
    ['update invoices set amount = 0', 'INVALID', 'Only SELECT (or WITH … SELECT) statements are allowed; UPDATE is not (sql_query is read-only).'],
    ['SET ROLE postgres', 'INVALID', 'Only SELECT (or WITH … SELECT) statements are allowed; SET is not (sql_query is read-only).'],
    ['VALUES (1)', 'INVALID', 'Only SELECT (or WITH … SELECT) statements are allowed; the query starts with VALUES.'],
    ['WITH x AS (DELETE FROM orders RETURNING *) SELECT * FROM x', 'INVALID', 'Data-modifying statements (DELETE) are not allowed; sql_query is read-only.'],
    ['WITH x AS NOT MATERIALIZED (UPDATE invoices SET amount = 0 RETURNING id) SELECT * FROM x', 'INVALID', 'Data-modifying statements (UPDATE) are not allowed; sql_query is read-only.'],
    ['SELECT * INTO copy FROM customers', 'INVALID', 'SELECT … INTO is not allowed; sql_query is read-only.'],
    ['SELECT * FROM invoices FOR UPDATE', 'INVALID', 'Row locks (FOR UPDATE / FOR SHARE) are not allowed; sql_query is read-only.'],
    ["SELECT set_config('role', 'postgres', true)", 'INVALID', 'Function set_config() is not allowed in sql_query.'],
    ["SELECT pg_catalog.set_config('role', 'postgres', true)", 'INVALID', 'System catalogs (pg_catalog) are not readable through sql_query; query the tables customers, orders and invoices.'],
    ["SELECT \"set_config\"('role', 'postgres', true)", 'INVALID', 'Function set_config() is not allowed in sql_query.'],
    ["SELECT SET_CONFIG /* x */ ('role', 'postgres', true)", 'INVALID', 'Function set_config() is not allowed in sql_query.'],
    ["SELECT query_to_xml('select * from \"User\"', true, false, '')", 'INVALID', 'Function query_to_xml() is not allowed in sql_query.'],
    ["SELECT * FROM ts_stat('select 1')", 'INVALID', 'Function ts_stat() is not allowed in sql_query.'],
    ['SELECT pg_sleep(60)', 'INVALID', 'Function pg_sleep() is not allowed in sql_query.'],
    ['SELECT pg_advisory_lock(1)', 'INVALID', 'Function pg_advisory_lock() is not allowed in sql_query.'],
    ["SELECT pg_read_file('/etc/passwd')", 'INVALID', 'Function pg_read_file() is not allowed in sql_query.'],
    ["SELECT lo_import('/etc/passwd')", 'INVALID', 'Function lo_import() is not allowed in sql_query.'],
    ["SELECT nextval('customers_id_seq')", 'INVALID', 'Function nextval() is not allowed in sql_query.'],
    ['SELECT * FROM pg_settings', 'INVALID', 'System catalogs (pg_settings) are not readable through sql_query; query the tables customers, orders and invoices.'],
    ['SELECT nspname FROM pg_namespace', 'INVALID', /System catalogs \(pg_namespace\)/],
    ['SELECT * FROM information_schema.tables', 'INVALID', /System catalogs \(information_schema\)/],
    ['SELECT * FROM public."User"', 'SCOPE_DENIED', 'Schema "public" is outside this tenant\'s dataset; sql_query reads only the tables of ds_acme (write them without a schema).'],
    ['SELECT * FROM ds_globex.customers', 'SCOPE_DENIED', 'Schema "ds_globex" is outside this tenant\'s dataset; sql_query reads only the tables of ds_acme (write them without a schema).'],
    ['SELECT * FROM "ds_globex"."orders"', 'SCOPE_DENIED', /Schema "ds_globex"/],
    ['SELECT * FROM customers WHERE id = $1', 'INVALID', 'Parameters such as $1 are not supported; write the values in the query.'],
    ['SELECT (1', 'INVALID', 'Unbalanced parentheses: a "(" is never closed.'],
    ['SELECT 1) FROM x', 'INVALID', 'Unbalanced parentheses: a ")" has no matching "(".'],
    ['SELECT 1) AS q; DROP TABLE customers; SELECT (1', 'INVALID', /Only one statement|Unbalanced/],
    ["SELECT 'abc", 'INVALID', 'Unterminated string literal.'],
    ['SELECT 1 /* open', 'INVALID', 'Unterminated /* comment.'],
    ['SELECT $$abc', 'INVALID', 'Unterminated dollar-quoted string $$.'],
    ['SELECT U&"\\0073et_config"(\'role\', \'x\', true)', 'INVALID', /Unicode-escaped names/],
  ])('%s', (sql, code, message) => {
    const e = refusal(sql);
    expect(e.code).toBe(code);
    if (typeof message === 'string') expect(e.message).toBe(message);
    else expect(e.message).toMatch(message);
  });
});
