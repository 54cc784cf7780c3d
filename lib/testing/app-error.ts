// The AppError a promise rejects with, for tests of refusals: anything else (no rejection, another error) fails.
import { isAppError, type AppError } from '@/lib/errors';

export async function appErrorOf(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(() => null, (x: unknown) => x);
  if (!isAppError(e)) throw new Error(`expected an AppError, got ${String(e)}`);
  return e;
}
