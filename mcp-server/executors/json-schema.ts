import 'server-only';
// The one JSON Schema validator of the process (Ajv, draft 2020-12 with formats): what the pipeline checks a call's
// arguments and output against is the served ToolVersion's inputSchema/outputSchema, whatever the tool's kind.
// Compiled validators are cached by definition hash (a definition never changes under its hash), so a call never
// compiles: only the first call of a new version does, once per process.
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

const ajv = new Ajv2020({ allErrors: true, useDefaults: true, strict: false, logger: false, validateFormats: true });
addFormats(ajv);

const MAX_CACHED = 2_000;
/** A compiled schema, and whether validating may change the value (it declares defaults, which Ajv fills in). */
type Compiled = { validate: ValidateFunction; fillsDefaults: boolean } | { error: string };
const compiled = new Map<string, Compiled>();

/** Compiles once per (definition hash, input|output); a schema Ajv cannot compile is remembered as such. */
function validatorFor(key: string, schema: Record<string, unknown>): Compiled {
  const hit = compiled.get(key);
  if (hit) return hit;
  let v: Compiled;
  try {
    // Upstream servers may declare another draft in $schema: the keywords we check are the same.
    const { $schema: _ignored, ...rest } = schema;
    // Any "default" key (a keyword, or a property of that name: then a needless copy, never a missed one).
    v = { validate: ajv.compile(rest), fillsDefaults: JSON.stringify(rest).includes('"default"') };
  } catch (e) {
    v = { error: e instanceof Error ? e.message : String(e) };
  }
  if (compiled.size >= MAX_CACHED) compiled.delete(compiled.keys().next().value!);
  compiled.set(key, v);
  return v;
}

/** Whether a schema compiles (checked when a definition is discovered or declared, before it can be reviewed). */
export function schemaProblem(schema: Record<string, unknown>): string | null {
  try {
    const { $schema: _ignored, ...rest } = schema;
    ajv.compile(rest);
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

function describe(e: ErrorObject, root: string): string {
  const path = e.instancePath ? e.instancePath.slice(1).split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~')).join('.') : '';
  if (e.keyword === 'required') {
    const field = (e.params as { missingProperty: string }).missingProperty;
    return `${path ? `${path}.` : ''}${field}: is required`;
  }
  if (e.keyword === 'additionalProperties') return `${path || root}: unknown field "${(e.params as { additionalProperty: string }).additionalProperty}"`;
  if (e.keyword === 'format') return `${path || root}: must be a valid ${(e.params as { format: string }).format}`;
  if (e.keyword === 'pattern') return `${path || root}: does not have the expected form`;
  if (e.keyword === 'enum') return `${path || root}: must be one of ${((e.params as { allowedValues: unknown[] }).allowedValues ?? []).map((v) => JSON.stringify(v)).join(', ')}`;
  return `${path || root}: ${e.message ?? 'is invalid'}`;
}

/** A deep copy of a JSON value (parsed arguments, a tool's output); anything else is copied by structuredClone. */
function copyJson(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(copyJson);
  if (Object.getPrototypeOf(value) !== Object.prototype) return structuredClone(value);
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value)) {
    const v = copyJson((value as Record<string, unknown>)[k]);
    // A "__proto__" key from JSON.parse is an own property: it stays one (an assignment would set the prototype).
    if (k === '__proto__') Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
    else out[k] = v;
  }
  return out;
}

export type SchemaCheck = { ok: true; value: unknown } | { ok: false; problems: string[] };

/**
 * Validates `value`; when the schema declares defaults, a copy of it with the defaults filled in (the caller's object
 * is never touched).
 * `hash` is the version's definition hash; `which` distinguishes its input and output schemas.
 */
export function checkAgainstSchema(hash: string, which: 'input' | 'output', schema: Record<string, unknown> | null, value: unknown): SchemaCheck {
  if (!schema) return { ok: true, value };
  const v = validatorFor(`${hash}:${which}`, schema);
  if ('error' in v) return { ok: false, problems: [`the tool's ${which} schema is not valid JSON Schema (${v.error})`] };
  // Only a schema with defaults changes what it validates: the copy is made for those alone.
  const copy = value === undefined || !v.fillsDefaults ? value : copyJson(value);
  if (v.validate(copy)) return { ok: true, value: copy };
  const root = which === 'input' ? '(arguments)' : '(output)';
  // A field failing both a format and the pattern that spells it (zod's email) is reported once, by its format.
  const errors = v.validate.errors ?? [];
  const formatted = new Set(errors.filter((e) => e.keyword === 'format').map((e) => e.instancePath));
  const problems = [...new Set(errors.filter((e) => !(e.keyword === 'pattern' && formatted.has(e.instancePath))).map((e) => describe(e, root)))];
  return { ok: false, problems: problems.slice(0, 10) };
}
