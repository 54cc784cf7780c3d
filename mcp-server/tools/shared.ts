import 'server-only';
// Helpers shared by the built-in executors: abort handling, PostgreSQL error codes behind Prisma, transactions.
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { ToolRefusal } from './types';

export type Db = PrismaClient | Prisma.TransactionClient;

/** The refusal for an aborted call: TIMEOUT when the tool's time limit was reached, CANCELLED when the caller went away. */
export function abortRefusal(signal: AbortSignal, what: string): ToolRefusal {
  if (signal.reason instanceof Error && signal.reason.name === 'TimeoutError') return new ToolRefusal('TIMEOUT', `Stopped ${what}: the time limit was reached.`);
  return new ToolRefusal('CANCELLED', `Stopped ${what}: the caller cancelled the call or went away.`);
}

export function throwIfAborted(signal: AbortSignal, what: string): void {
  if (signal.aborted) throw abortRefusal(signal, what);
}

/** Settles with `work`, or rejects as soon as `signal` aborts (the work itself is left to its own time limit). */
export function raceAbort<T>(work: Promise<T>, signal: AbortSignal, what: string): Promise<T> {
  if (signal.aborted) {
    work.catch(() => undefined);
    return Promise.reject(abortRefusal(signal, what));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortRefusal(signal, what));
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

export interface PgError {
  code: string;
  message: string;
  constraint?: string;
}

/** The PostgreSQL SQLSTATE and message behind a Prisma raw-query error (or a Prisma unique violation), if any. */
export function pgError(e: unknown): PgError | null {
  if (typeof e !== 'object' || e === null) return null;
  const err = e as { code?: unknown; meta?: { driverAdapterError?: { cause?: Record<string, unknown> }; target?: unknown } };
  const cause = err.meta?.driverAdapterError?.cause;
  if (cause && typeof cause.originalCode === 'string') {
    return { code: cause.originalCode, message: String(cause.originalMessage ?? cause.message ?? ''), constraint: typeof cause.constraint === 'string' ? cause.constraint : undefined };
  }
  if (cause && cause.kind === 'UniqueConstraintViolation') return { code: '23505', message: 'unique violation' };
  if (err.code === 'P2002') return { code: '23505', message: 'unique violation' };
  if (err.code === 'P2034') return { code: '40001', message: 'serialization failure' };
  return null;
}

/**
 * Runs `fn` in a transaction: a new one when `db` is the client, or a savepoint inside the caller's transaction
 * (the pipeline hands 'db' tools the audit's transaction client), so a failure rolls back only this work.
 */
export async function inTransaction<T>(db: Db, fn: (tx: Prisma.TransactionClient) => Promise<T>, opts: { timeoutMs?: number } = {}): Promise<T> {
  if ('$transaction' in db && typeof db.$transaction === 'function') {
    const timeout = (opts.timeoutMs ?? 10_000) + 2_000;
    return (db as PrismaClient).$transaction(fn, { timeout, maxWait: timeout });
  }
  const tx = db as Prisma.TransactionClient;
  const name = `tool_sp_${Math.random().toString(36).slice(2, 10)}`;
  await tx.$executeRawUnsafe(`SAVEPOINT ${name}`);
  try {
    const out = await fn(tx);
    await tx.$executeRawUnsafe(`RELEASE SAVEPOINT ${name}`);
    return out;
  } catch (e) {
    await tx.$executeRawUnsafe(`ROLLBACK TO SAVEPOINT ${name}`).catch(() => undefined);
    throw e;
  }
}
