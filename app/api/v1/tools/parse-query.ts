import 'server-only';
import type { z } from 'zod';
import { AppError, fieldErrorsFromIssues } from '@/lib/errors';
import { searchParamsObject } from '@/lib/server/boundary';

/** Query string → zod; a bad parameter is a 400 naming it and saying what is allowed. Empty values mean "any". */
export function parseQuery<S extends z.ZodType>(schema: S, url: string): z.infer<S> {
  const raw = Object.fromEntries(Object.entries(searchParamsObject(new URL(url).searchParams)).filter(([, v]) => v !== ''));
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  const messages = r.error.issues.map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message));
  throw new AppError('BAD_REQUEST', { userMessage: `Invalid query: ${messages.join(' ')}`, fieldErrors: fieldErrorsFromIssues(r.error.issues) });
}
