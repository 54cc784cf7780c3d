// Step 3: the arguments against the served ToolVersion's JSON Schema (validateServedInput; a built-in then also its
// zod contract, validateInput) and the payload limit. A failure names each field so the
// agent can correct itself (returned as an isError result, as the MCP spec recommends for input errors).
import type { z } from 'zod';
import { checkAgainstSchema } from '@/mcp-server/executors/json-schema';

export type InputCheck<T> = { ok: true; value: T; bytes: number } | { ok: false; code: 'TOO_LARGE' | 'INVALID_ARGUMENTS'; message: string; bytes: number };

export function validateInput<T>(schema: z.ZodType<T>, args: unknown, maxBytes: number): InputCheck<T> {
  const raw = args ?? {};
  const bytes = Buffer.byteLength(JSON.stringify(raw), 'utf8');
  if (bytes > maxBytes) return { ok: false, code: 'TOO_LARGE', bytes, message: `Arguments are ${bytes} bytes; this tool accepts at most ${maxBytes} bytes.` };
  return parseTyped(schema, raw, bytes);
}

function parseTyped<T>(schema: z.ZodType<T>, raw: unknown, bytes: number): InputCheck<T> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data, bytes };
  const problems = parsed.error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(arguments)'}: ${i.message}`);
  return { ok: false, code: 'INVALID_ARGUMENTS', bytes, message: `Invalid arguments. ${problems.join('; ')}.` };
}

/** What the pipeline checks arguments against: the served ToolVersion (its JSON Schema, cached by its hash). */
export interface ServedSchema {
  definitionHash: string;
  inputSchema: Record<string, unknown>;
  outputSchema: Record<string, unknown> | null;
}

/**
 * The arguments against the served version's JSON Schema (any kind of tool), then, for a built-in, its zod contract
 * for the typed, normalised value its executor expects (trimmed strings, defaults).
 */
export function validateServedInput<T = Record<string, unknown>>(served: ServedSchema, typed: z.ZodType<T> | undefined, args: unknown, maxBytes: number): InputCheck<T> {
  const raw = args ?? {};
  const bytes = Buffer.byteLength(JSON.stringify(raw), 'utf8');
  if (bytes > maxBytes) return { ok: false, code: 'TOO_LARGE', bytes, message: `Arguments are ${bytes} bytes; this tool accepts at most ${maxBytes} bytes.` };
  const checked = checkAgainstSchema(served.definitionHash, 'input', served.inputSchema, raw);
  if (!checked.ok) return { ok: false, code: 'INVALID_ARGUMENTS', bytes, message: `Invalid arguments. ${checked.problems.join('; ')}.` };
  if (!typed) return { ok: true, value: checked.value as T, bytes };
  return parseTyped(typed, checked.value, bytes);
}
