import 'server-only';
// Maps errors once per boundary: server actions get { ok:false, code, message, fieldErrors },
// route handlers get JSON with a status. Nothing else leaks a stack trace.
import { NextResponse } from 'next/server';
import type { z } from 'zod';
import { AppError, fieldErrorsFromIssues, isAppError, type AppErrorCode } from '@/lib/errors';

export type ActionResult<T> = { ok: true; data: T } | { ok: false; code: AppErrorCode; message: string; fieldErrors?: Record<string, string[]> };

export function toAppError(e: unknown): AppError {
  if (isAppError(e)) return e;
  console.error('[unexpected]', e);
  return new AppError('INTERNAL', { userMessage: 'Something went wrong on our side. Nothing was changed.' });
}

/** Parse with zod or throw a VALIDATION AppError naming each field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const fieldErrors = fieldErrorsFromIssues(r.error.issues);
  const first = r.error.issues[0];
  const where = first && first.path.length ? `${first.path.map(String).join('.')}: ` : '';
  throw new AppError('VALIDATION', { userMessage: `${where}${first?.message ?? 'Invalid input.'}`, fieldErrors });
}

export async function runAction<T>(fn: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await fn() };
  } catch (e) {
    // Next's redirect()/notFound() signals must propagate.
    if (e && typeof e === 'object' && 'digest' in e && typeof (e as { digest: unknown }).digest === 'string' && (e as { digest: string }).digest.startsWith('NEXT_')) throw e;
    const err = toAppError(e);
    return { ok: false, code: err.code, message: err.userMessage, fieldErrors: err.fieldErrors };
  }
}

export function errorResponse(e: unknown): NextResponse {
  const err = toAppError(e);
  const headers: Record<string, string> = {};
  if (err.retryAfterSeconds) headers['Retry-After'] = String(err.retryAfterSeconds);
  return NextResponse.json({ error: { code: err.code, message: err.userMessage, fieldErrors: err.fieldErrors } }, { status: err.status, headers });
}

export async function runRoute(fn: () => Promise<Response | unknown>): Promise<Response> {
  try {
    const out = await fn();
    return out instanceof Response ? out : NextResponse.json(out);
  } catch (e) {
    return errorResponse(e);
  }
}

/** URLSearchParams → plain object (repeated keys become arrays) for zod parsing. */
export function searchParamsObject(sp: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(sp.keys())) {
    const all = sp.getAll(key);
    out[key] = all.length > 1 ? all : (all[0] ?? '');
  }
  return out;
}
