import 'server-only';
import { getDb } from '@/lib/server/db/client';

export type Health = { status: 'ok'; db: 'ok' } | { status: 'error'; db: 'error'; reason: string };

/** Liveness of the app and its database (a real round trip, bounded to 3 s by default). */
export async function checkHealth({ timeoutMs = 3000 }: { timeoutMs?: number } = {}): Promise<Health> {
  try {
    const db = await getDb();
    await Promise.race([
      db.$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error(`database did not answer within ${timeoutMs / 1000} s`)), timeoutMs).unref()),
    ]);
    return { status: 'ok', db: 'ok' };
  } catch (e) {
    return { status: 'error', db: 'error', reason: healthReason(e) };
  }
}

/** The useful part of a driver error: Prisma wraps it ("Invalid … invocation: … Message: `Can't reach …`"). */
export function healthReason(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  const wrapped = /Message: `([^`]+)`/.exec(text)?.[1];
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l.length > 0 && !/^Invalid `.*` invocation:?$/.test(l));
  return wrapped ?? lines.at(-1) ?? 'database unreachable';
}
