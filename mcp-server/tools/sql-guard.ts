// Static checks on sql_query's SQL before it reaches the database (pure). The database is the real boundary
// (read-only transaction, least-privilege role, search_path, statement timeout: see sql-query.ts); this layer gives
// precise refusals and closes what privileges cannot: functions that change the session role or run SQL text
// (set_config, query_to_xml, ts_stat…), catalogs that reveal other tenants' schemas, session-level locks.
//
// A real tokenizer (comments incl. nested, '…' with '' and E'…' escapes, "…" identifiers, $tag$…$tag$ bodies),
// so keywords inside strings or comments are never mistaken for code and code never hides in them.
import { ToolRefusal } from './types';

export interface SqlToken {
  kind: 'word' | 'quoted' | 'string' | 'number' | 'punct' | 'param';
  value: string; // words lower-cased; quoted identifiers as written
  start: number;
  end: number;
}

function refuse(message: string): never {
  throw new ToolRefusal('INVALID', message);
}

export function tokenize(sql: string): SqlToken[] {
  const out: SqlToken[] = [];
  const push = (kind: SqlToken['kind'], value: string, start: number, end: number) => out.push({ kind, value, start, end });
  let i = 0;
  const n = sql.length;
  while (i < n) {
    const c = sql[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '-' && sql[i + 1] === '-') {
      while (i < n && sql[i] !== '\n') i++;
    } else if (c === '/' && sql[i + 1] === '*') {
      let depth = 1;
      i += 2;
      while (i < n && depth > 0) {
        if (sql[i] === '/' && sql[i + 1] === '*') {
          depth++;
          i += 2;
        } else if (sql[i] === '*' && sql[i + 1] === '/') {
          depth--;
          i += 2;
        } else i++;
      }
      if (depth > 0) refuse('Unterminated /* comment.');
    } else if (c === "'") {
      const prev = out[out.length - 1];
      const prefixed = prev?.kind === 'word' && prev.end === i && ['e', 'b', 'x', 'n'].includes(prev.value);
      const escapes = prefixed && prev.value === 'e';
      const start = prefixed ? prev.start : i;
      if (prefixed) out.pop();
      let j = i + 1;
      for (;;) {
        if (j >= n) refuse('Unterminated string literal.');
        if (escapes && sql[j] === '\\') j += 2;
        else if (sql[j] === "'" && sql[j + 1] === "'") j += 2;
        else if (sql[j] === "'") break;
        else j++;
      }
      push('string', sql.slice(i + 1, j), start, j + 1);
      i = j + 1;
    } else if (c === '"') {
      let j = i + 1;
      for (;;) {
        if (j >= n) refuse('Unterminated quoted identifier.');
        if (sql[j] === '"' && sql[j + 1] === '"') j += 2;
        else if (sql[j] === '"') break;
        else j++;
      }
      push('quoted', sql.slice(i + 1, j).replace(/""/g, '"'), i, j + 1);
      i = j + 1;
    } else if (c === '$') {
      const param = /^\$\d+/.exec(sql.slice(i));
      if (param) {
        push('param', param[0], i, i + param[0].length);
        i += param[0].length;
        continue;
      }
      const tag = /^\$(?:[A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/.exec(sql.slice(i));
      if (!tag) refuse(`Unexpected "$" at position ${i + 1}.`);
      const end = sql.indexOf(tag[0], i + tag[0].length);
      if (end < 0) refuse(`Unterminated dollar-quoted string ${tag[0]}.`);
      push('string', sql.slice(i + tag[0].length, end), i, end + tag[0].length);
      i = end + tag[0].length;
    } else if (/[A-Za-z_\u0080-\uffff]/.test(c)) {
      const m = /^[A-Za-z_\u0080-\uffff][A-Za-z0-9_$\u0080-\uffff]*/.exec(sql.slice(i))!;
      const start = i;
      const word = m[0].toLowerCase();
      i += m[0].length;
      if (word === 'u' && sql[i] === '&' && (sql[i + 1] === "'" || sql[i + 1] === '"')) {
        refuse('Unicode-escaped names and strings (U&"…", U&\'…\') are not supported; write the characters directly.');
      }
      push('word', word, start, i);
    } else if (/\d/.test(c) || (c === '.' && /\d/.test(sql[i + 1] ?? ''))) {
      const m = /^(?:0[xob][0-9a-f_]+|(?:\d[\d_]*)?\.?\d[\d_]*(?:e[+-]?\d+)?)/i.exec(sql.slice(i))!;
      push('number', m[0], i, i + m[0].length);
      i += m[0].length;
    } else {
      push('punct', c, i, i + 1);
      i++;
    }
  }
  return out;
}

/** Functions that change the session (role, settings), run SQL text, sleep, lock, signal or touch files. */
const DENIED_FUNCTIONS = [
  /^set_config$/, /^(query|cursor|table|schema|database)_to_xml(schema|_and_xmlschema)?$/, /^ts_stat$/, /^ts_rewrite$/,
  /^pg_sleep/, /^pg_(try_)?advisory/, /^dblink/, /^lo_/, /^pg_read_/, /^pg_ls_/, /^pg_stat_file$/, /^pg_notify$/,
  /^pg_(terminate|cancel)_backend$/, /^pg_reload_conf$/, /^pg_rotate_logfile$/, /^pg_logical_/, /^pg_replication_/,
  /^pg_(create|drop)_/, /^pg_export_snapshot$/, /^(txid_current|pg_current_xact_id)/, /^(nextval|setval)$/, /^pg_file_/,
];

const MODIFYING = new Set(['insert', 'update', 'delete', 'merge', 'truncate', 'drop', 'alter', 'create', 'grant', 'revoke', 'copy', 'call', 'do', 'lock', 'vacuum', 'refresh', 'reindex', 'cluster', 'comment', 'security', 'set', 'reset', 'discard', 'listen', 'notify', 'prepare', 'execute', 'deallocate', 'declare', 'fetch', 'move', 'begin', 'commit', 'rollback', 'savepoint', 'release', 'explain', 'load', 'import']);

export interface CheckedSql {
  /** The statement without its trailing semicolon(s). */
  sql: string;
  /** Lower-cased identifiers, to report which dataset tables were touched. */
  identifiers: Set<string>;
}

/** Throws ToolRefusal('INVALID' | 'SCOPE_DENIED') unless `sql` is exactly one read-only SELECT/WITH statement. */
export function checkReadOnlySql(sql: string, tenantSchema: string): CheckedSql {
  const tokens = tokenize(sql);
  if (tokens.length === 0) refuse('The query is empty.');
  let end = tokens.length;
  while (end > 0 && tokens[end - 1]!.value === ';' && tokens[end - 1]!.kind === 'punct') end--;
  if (end === 0) refuse('The query is empty.');
  const body = tokens.slice(0, end);
  if (body.some((t) => t.kind === 'punct' && t.value === ';')) refuse('Only one statement is allowed (remove the ";" between statements).');
  const first = body.find((t) => !(t.kind === 'punct' && t.value === '('))!;
  if (first.kind !== 'word' || (first.value !== 'select' && first.value !== 'with')) {
    const what = first.kind === 'word' ? first.value.toUpperCase() : `"${first.value}"`;
    refuse(MODIFYING.has(first.value) ? `Only SELECT (or WITH … SELECT) statements are allowed; ${what} is not (sql_query is read-only).` : `Only SELECT (or WITH … SELECT) statements are allowed; the query starts with ${what}.`);
  }
  let depth = 0;
  const identifiers = new Set<string>();
  for (let k = 0; k < body.length; k++) {
    const t = body[k]!;
    const next = body[k + 1];
    const prev = body[k - 1];
    if (t.kind === 'punct' && t.value === '(') depth++;
    if (t.kind === 'punct' && t.value === ')' && --depth < 0) refuse('Unbalanced parentheses: a ")" has no matching "(".');
    if (t.kind === 'param') refuse(`Parameters such as ${t.value} are not supported; write the values in the query.`);
    if (t.kind !== 'word' && t.kind !== 'quoted') continue;
    const name = t.value.toLowerCase();
    identifiers.add(name);
    const calls = next?.kind === 'punct' && next.value === '(';
    const qualifies = next?.kind === 'punct' && next.value === '.';
    if (calls && DENIED_FUNCTIONS.some((re) => re.test(name))) refuse(`Function ${name}() is not allowed in sql_query.`);
    if (t.kind === 'word' && MODIFYING.has(name) && prev?.kind === 'punct' && prev.value === '(' && ['as', 'materialized'].includes(body[k - 2]?.value ?? '')) {
      refuse(`Data-modifying statements (${name.toUpperCase()}) are not allowed; sql_query is read-only.`);
    }
    if (t.kind === 'word' && name === 'into') refuse('SELECT … INTO is not allowed; sql_query is read-only.');
    if (t.kind === 'word' && name === 'for' && next?.kind === 'word' && ['update', 'share', 'no', 'key'].includes(next.value)) {
      refuse('Row locks (FOR UPDATE / FOR SHARE) are not allowed; sql_query is read-only.');
    }
    if (!calls && (name === 'information_schema' || name.startsWith('pg_'))) {
      refuse(`System catalogs (${t.value}) are not readable through sql_query; query the tables customers, orders and invoices.`);
    }
    if (qualifies && name !== tenantSchema && (/^ds_/.test(name) || name === 'public')) {
      throw new ToolRefusal('SCOPE_DENIED', `Schema "${t.value}" is outside this tenant's dataset; sql_query reads only the tables of ${tenantSchema} (write them without a schema).`);
    }
  }
  if (depth !== 0) refuse('Unbalanced parentheses: a "(" is never closed.');
  // The statement's own text: trailing semicolons and comments dropped.
  return { sql: sql.slice(0, body[body.length - 1]!.end), identifiers };
}
