import 'server-only';
// Server-side JSON Schema checks for the declaration form (the browser's CSP forbids the eval that Ajv compiles to):
// is the input schema a valid 2020-12 schema, and does a sample input satisfy it. A fresh Ajv per check, so schemas
// typed by owners are never cached in the process.
import { Ajv2020 } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

const MAX_ERRORS = 20;

function newAjv() {
  const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: true });
  addFormats(ajv);
  return ajv;
}

/** Problems of the schema itself (meta-schema, unresolvable $ref…); empty when it compiles. */
export function jsonSchemaProblems(schema: unknown): string[] {
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return ['The input schema must be a JSON object.'];
  const ajv = newAjv();
  if (!ajv.validateSchema(schema as object)) {
    return (ajv.errors ?? []).slice(0, MAX_ERRORS).map((e) => `${e.instancePath || '(schema)'}: ${e.message ?? 'invalid'}`);
  }
  try {
    ajv.compile(schema as object);
    return [];
  } catch (e) {
    return [`The schema cannot be compiled: ${e instanceof Error ? e.message.slice(0, 300) : 'unknown error'}.`];
  }
}

/** Why `value` does not satisfy `schema` (empty when it does, or when the schema itself is invalid). */
export function jsonSchemaValueErrors(schema: Record<string, unknown>, value: unknown): string[] {
  const ajv = newAjv();
  let validate;
  try {
    validate = ajv.compile(schema);
  } catch {
    return [];
  }
  if (validate(value)) return [];
  return (validate.errors ?? []).slice(0, MAX_ERRORS).map((e) => `${e.instancePath ? e.instancePath.slice(1).replace(/\//g, '.') : 'input'}: ${e.message ?? 'invalid'}`);
}
