'use client';
// Runs a server action from a form: validates with the shared zod schema first (precise field errors without a
// round trip), shows the action's own errors, and refreshes the server-rendered page on success.
import { useCallback, useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import type { z } from 'zod';

export type ActionResultLike<T> = { ok: true; data: T } | { ok: false; code: string; message: string; fieldErrors?: Record<string, string[]> };
export type FormError = { message: string; fieldErrors: Record<string, string[]> };

export function issuesToFieldErrors(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const i of issues) (out[i.path.map(String).join('.') || '_'] ??= []).push(i.message);
  return out;
}

export function useAction<I, T>(action: (input: I) => Promise<ActionResultLike<T>>, opts: { schema?: z.ZodType; refresh?: boolean } = {}) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<FormError | null>(null);
  const router = useRouter();
  const { schema, refresh = true } = opts;
  const run = useCallback(
    (input: I) =>
      new Promise<T | null>((resolve) => {
        if (schema) {
          const r = schema.safeParse(input);
          if (!r.success) {
            setError({ message: 'Check the highlighted fields.', fieldErrors: issuesToFieldErrors(r.error.issues) });
            return resolve(null);
          }
        }
        startTransition(async () => {
          try {
            const r = await action(input);
            if (r.ok) {
              setError(null);
              if (refresh) router.refresh();
              resolve(r.data);
            } else {
              setError({ message: r.message, fieldErrors: r.fieldErrors ?? {} });
              resolve(null);
            }
          } catch {
            setError({ message: 'The server could not be reached. Nothing was changed; try again.', fieldErrors: {} });
            resolve(null);
          }
        });
      }),
    [action, schema, refresh, router],
  );
  return { run, pending, error, reset: () => setError(null) };
}
