// Step 3: the arguments against the tool's zod contract and its payload limit. A failure names each field so the
// agent can correct itself (returned as an isError result, as the MCP spec recommends for input errors).
import type { z } from 'zod';

export type InputCheck<T> = { ok: true; value: T; bytes: number } | { ok: false; code: 'TOO_LARGE' | 'INVALID_ARGUMENTS'; message: string; bytes: number };

export function validateInput<T>(schema: z.ZodType<T>, args: unknown, maxBytes: number): InputCheck<T> {
  const raw = args ?? {};
  const bytes = Buffer.byteLength(JSON.stringify(raw), 'utf8');
  if (bytes > maxBytes) return { ok: false, code: 'TOO_LARGE', bytes, message: `Arguments are ${bytes} bytes; this tool accepts at most ${maxBytes} bytes.` };
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data, bytes };
  const problems = parsed.error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(arguments)'}: ${i.message}`);
  return { ok: false, code: 'INVALID_ARGUMENTS', bytes, message: `Invalid arguments. ${problems.join('; ')}.` };
}
