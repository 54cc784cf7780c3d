// What a contract example expects, checked against what one call gave: a result (the output, after the version's
// own output check) or a refusal (invalid input, a tool error, an output that broke the version's contract).
import type { TContractExample } from '@/lib/schemas/contracts';

export type CallOutcome = { ok: true; output: unknown } | { ok: false; message: string };

/** The value at a JSON Pointer (RFC 6901), or undefined when the path does not exist. */
export function valueAt(root: unknown, pointer: string): unknown {
  if (pointer === '') return root;
  let cur: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(cur) && /^(0|[1-9]\d*)$/.test(key)) cur = cur[Number(key)];
    else if (cur && typeof cur === 'object' && !Array.isArray(cur) && Object.hasOwn(cur, key)) cur = (cur as Record<string, unknown>)[key];
    else return undefined;
  }
  return cur;
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(v) ?? 'undefined';
}

const asText = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/**
 * The problems of one outcome against its example (empty: the example passes). `schemaProblems` checks the output
 * against the example's own outputSchema (injected: the runner's JSON Schema validator).
 */
export function checkExample(example: TContractExample, outcome: CallOutcome, schemaProblems: (schema: Record<string, unknown>, output: unknown) => string[]): string[] {
  const exp = example.expect;
  if (exp.outcome === 'error') {
    if (outcome.ok) return ['Expected the call to be refused, but it succeeded.'];
    if (exp.messagePattern && !new RegExp(exp.messagePattern).test(outcome.message)) return [`The error "${outcome.message}" does not match /${exp.messagePattern}/.`];
    return [];
  }
  if (!outcome.ok) return [`Expected a result, but the call was refused: ${outcome.message}`];
  const problems = exp.outputSchema ? schemaProblems(exp.outputSchema, outcome.output).map((p) => `Output schema: ${p}`) : [];
  for (const c of exp.values) {
    const v = valueAt(outcome.output, c.path);
    const where = c.path || '(output)';
    if (v === undefined) {
      problems.push(`${where}: no value there.`);
      continue;
    }
    if (c.equals !== undefined && canonical(v) !== canonical(c.equals)) problems.push(`${where}: expected ${JSON.stringify(c.equals)}, got ${JSON.stringify(v)}.`);
    if (c.pattern !== undefined && !new RegExp(c.pattern).test(asText(v))) problems.push(`${where}: ${asText(v).slice(0, 200)} does not match /${c.pattern}/.`);
    if (c.minItems !== undefined && !(Array.isArray(v) && v.length >= c.minItems)) problems.push(`${where}: expected an array of at least ${c.minItems} items, got ${Array.isArray(v) ? `${v.length}` : 'no array'}.`);
  }
  return problems;
}
