// Step 7: the output against the tool's contract, its size limit, then PII redaction per the tenant's rules.
import { z } from 'zod';
import { checkAgainstSchema } from '@/mcp-server/executors/json-schema';
import type { ServedSchema } from './validate-input';
import { redactPii } from '@/lib/pii';
import type { TPiiRules } from '@/lib/schemas/tenant-policy';

export type OutputCheck = { ok: true; value: Record<string, unknown>; json: string; bytes: number; redactions: Record<string, number> } | { ok: false; code: 'INVALID_OUTPUT' | 'TOO_LARGE'; message: string; bytes: number };

export function checkOutput(schema: z.ZodType, output: unknown, maxBytes: number, rules: TPiiRules): OutputCheck {
  const parsed = schema.safeParse(output);
  if (!parsed.success) {
    return { ok: false, code: 'INVALID_OUTPUT', bytes: 0, message: `The tool returned output that does not match its contract (${parsed.error.issues.slice(0, 3).map((i) => i.path.join('.') || '(output)').join(', ')}).` };
  }
  const redacted = redactPii(parsed.data, rules);
  const json = JSON.stringify(redacted.value);
  const bytes = Buffer.byteLength(json, 'utf8');
  if (bytes > maxBytes) return { ok: false, code: 'TOO_LARGE', bytes, message: `The tool's output is ${bytes} bytes, over its limit of ${maxBytes} bytes.` };
  return { ok: true, value: redacted.value as Record<string, unknown>, json, bytes, redactions: redacted.counts };
}

/**
 * The output against the served version's JSON Schema (any kind of tool; none declared: any object), then for a
 * built-in its zod contract (which also drops fields the contract does not name), size limit and redaction.
 */
export function checkServedOutput(served: ServedSchema, typed: z.ZodType | undefined, output: unknown, maxBytes: number, rules: TPiiRules): OutputCheck {
  if (output === null || typeof output !== 'object' || Array.isArray(output)) {
    return { ok: false, code: 'INVALID_OUTPUT', bytes: 0, message: 'The tool returned output that is not a JSON object.' };
  }
  const checked = checkAgainstSchema(served.definitionHash, 'output', served.outputSchema, output);
  if (!checked.ok) return { ok: false, code: 'INVALID_OUTPUT', bytes: 0, message: `The tool returned output that does not match its contract (${checked.problems.slice(0, 3).join('; ')}).` };
  return checkOutput(typed ?? PASS_THROUGH, checked.value, maxBytes, rules);
}

const PASS_THROUGH = z.custom<Record<string, unknown>>(() => true);
